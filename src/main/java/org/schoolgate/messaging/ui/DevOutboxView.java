package org.schoolgate.messaging.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schoolgate.messaging.adapter.dev.DevOutbox;
import org.schoolgate.platform.security.PublicScreen;

/**
 * The demo's outbox: every SMS and email the demo would have sent, newest first, including
 * parents' sign-in codes. Exists only when {@code schoolgate.dev-outbox=true}; never in production.
 */
@Route("dev/outbox")
@PageTitle("Dev outbox · Schoolgate")
@PublicScreen
public class DevOutboxView extends VerticalLayout implements BeforeEnterObserver {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm:ss").withZone(ZoneId.of("Europe/London"));
  final Grid<DevOutbox.Held> grid = new Grid<>();
  private final boolean enabled;
  private final DevOutbox outbox;

  @Inject
  public DevOutboxView(DevOutbox outbox, @ConfigProperty(name = "schoolgate.dev-outbox", defaultValue = "false") boolean enabled) {
    this.outbox = outbox;
    this.enabled = enabled;
    addClassName("sg-page");
    setSizeFull();
    grid.addColumn(h -> TIME.format(h.createdAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(DevOutbox.Held::channel).setHeader("Channel").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(DevOutbox.Held::destination).setHeader("To").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(h -> (h.subject() == null ? "" : h.subject() + " — ") + h.body()).setHeader("Message").setFlexGrow(1);
    grid.setId("dev-outbox");
    grid.setSizeFull();
    Button refresh = new Button("Refresh", e -> refresh());
    refresh.setId("refresh");
    add(new H1("Dev outbox"), new Paragraph("What the demo would have sent by SMS or email. Nothing here left this computer."), refresh, grid);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (!enabled) {
      event.rerouteToError(NotFoundException.class);
      return;
    }
    refresh();
  }

  private void refresh() {
    grid.setItems(outbox.recent(null, 200));
  }
}

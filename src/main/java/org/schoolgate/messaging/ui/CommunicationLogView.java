package org.schoolgate.messaging.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.schoolgate.messaging.application.CommunicationLog;
import org.schoolgate.messaging.application.Letters;
import org.schoolgate.messaging.application.LogEntry;
import org.schoolgate.messaging.application.LogItem;
import org.schoolgate.messaging.application.LogKind;
import org.schoolgate.messaging.application.LogPupil;
import org.schoolgate.messaging.application.LogTimeline;
import org.schoolgate.platform.security.StaffOnly;
import org.schoolgate.platform.ui.StaffLayout;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.InvalidInputException;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * A pupil's or a family's communication log for staff: every message and letter with where it got
 * to, every reply, call, visit and note, newest first; filters; open a line for the text as sent,
 * the delivery history and the letter's PDF; add a note or log a call.
 */
@Route(value = "staff/pupils/:pupilId/log", layout = StaffLayout.class)
@RouteAlias(value = "staff/families/:guardianId/log", layout = StaffLayout.class)
@PageTitle("Communication log · Schoolgate")
@StaffOnly
public class CommunicationLogView extends VerticalLayout implements BeforeEnterObserver {

  static final String EMPTY = "No messages, letters, calls or notes yet. Use \"Log a call\" or \"Add note\" to start the log.";
  static final String NOTHING_MATCHES = "Nothing in the log matches these filters. Clear a filter to see more.";

  final H1 heading = new H1("Communication log");
  final Div links = new Div();
  final LogFilterBar filters = new LogFilterBar(this::refresh);
  final Button logCall = new Button("Log a call", VaadinIcon.PHONE.create());
  final Button addNote = new Button("Add note", VaadinIcon.EDIT.create());
  final LogEntryForm form = new LogEntryForm();
  final Grid<LogItem> timeline = new Grid<>();
  final Paragraph empty = new Paragraph(EMPTY);
  final Paragraph restrictedHint = new Paragraph();

  private final CommunicationLog log;
  private final Letters letters;
  private final Clock clock;
  private UUID pupilId;
  private UUID guardianId;
  private LogTimeline shown;

  @Inject
  public CommunicationLogView(CommunicationLog log, Letters letters, Clock clock) {
    this.log = log;
    this.letters = letters;
    this.clock = clock;
    addClassName("sg-page");
    setSizeFull();
    logCall.setId("log-log-call");
    addNote.setId("log-add-note");
    logCall.addClickListener(e -> startEntry(LogKind.CALL));
    addNote.addClickListener(e -> startEntry(LogKind.NOTE));
    form.setVisible(false);
    form.setId("log-entry-form");
    form.addSaveListener(e -> save(e.draft()));
    form.cancel.addClickListener(e -> form.setVisible(false));
    empty.setId("log-empty");
    restrictedHint.addClassName("sg-muted");
    restrictedHint.setId("log-restricted-hint");
    links.setId("log-links");
    configureTimeline();
    add(heading, links, new HorizontalLayout(logCall, addNote), form, filters, restrictedHint, empty, timeline);
  }

  private void configureTimeline() {
    timeline.setId("log-timeline");
    timeline.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    timeline.addColumn(i -> LogItemDetails.at(i.when())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
    timeline.addColumn(new ComponentRenderer<>(CommunicationLogView::kindBadge)).setHeader("What").setAutoWidth(true).setFlexGrow(0);
    timeline.addColumn(new ComponentRenderer<>(CommunicationLogView::title)).setHeader("Title").setFlexGrow(2);
    timeline.addColumn(LogItem::pupilNames).setHeader("About").setFlexGrow(1);
    timeline.addColumn(CommunicationLogView::with).setHeader("With").setFlexGrow(1);
    timeline.addColumn(LogItem::actor).setHeader("By").setAutoWidth(true);
    timeline.addColumn(new ComponentRenderer<>(i -> i.message() == null ? new Span() : LogItemDetails.statusBadge(i.message())))
        .setHeader("Status").setAutoWidth(true);
    timeline.setItemDetailsRenderer(new ComponentRenderer<>(i -> new LogItemDetails(i, letters::pdfOf)));
    timeline.setDetailsVisibleOnClick(true);
    timeline.setAllRowsVisible(true);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    try {
      pupilId = event.getRouteParameters().get("pupilId").map(UUID::fromString).orElse(null);
      guardianId = event.getRouteParameters().get("guardianId").map(UUID::fromString).orElse(null);
      if (pupilId == null && guardianId == null) {
        throw new NotFoundException("Log");
      }
      refresh();
    } catch (IllegalArgumentException | NotFoundException e) {
      event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
    }
  }

  void refresh() {
    if (pupilId == null && guardianId == null) {
      return;
    }
    shown = pupilId != null ? log.pupilTimeline(pupilId, filters.filter()) : log.familyTimeline(guardianId, filters.filter());
    heading.setText((pupilId != null ? "Communication log: " : "Family log: ") + shown.heading());
    form.setPupils(shown.pupils());
    timeline.setItems(shown.items());
    timeline.setVisible(!shown.isEmpty());
    empty.setVisible(shown.isEmpty());
    empty.setText(filters.narrows() ? NOTHING_MATCHES : EMPTY);
    restrictedHint.setText(shown.seesRestricted()
        ? "Safeguarding entries are shown: you are the DSL or headteacher."
        : "Safeguarding entries are kept for the DSL and headteacher.");
    links();
  }

  /** The other logs one step away: each child's for a family, each family's for a pupil. */
  private void links() {
    links.removeAll();
    if (pupilId == null) {
      for (LogPupil p : shown.pupils()) {
        RouterLink link = new RouterLink(p.name() + "'s log", CommunicationLogView.class, new RouteParameters("pupilId", p.id().toString()));
        link.getStyle().set("margin-inline-end", "var(--lumo-space-m)");
        links.add(link);
      }
      return;
    }
    Map<UUID, String> families = new LinkedHashMap<>();
    shown.items().stream().filter(i -> i.guardianId() != null && i.guardianName() != null)
        .forEach(i -> families.putIfAbsent(i.guardianId(), i.guardianName()));
    families.forEach((id, name) -> {
      RouterLink link = new RouterLink("Family log: " + name, CommunicationLogView.class, new RouteParameters("guardianId", id.toString()));
      link.getStyle().set("margin-inline-end", "var(--lumo-space-m)");
      links.add(link);
    });
  }

  private void startEntry(LogKind kind) {
    if (shown == null) {
      return;
    }
    form.start(kind, pupilId != null ? shown.pupils() : List.of(), LocalDateTime.now(clock.withZone(LogItemDetails.LONDON)));
    form.setVisible(true);
  }

  void save(LogEntryForm.Draft draft) {
    List<UUID> about = pupilId != null ? List.of(pupilId) : draft.getPupils().stream().map(LogPupil::id).toList();
    UUID schoolId =
        draft.getPupils().stream().findFirst().map(LogPupil::schoolId)
            .orElse(shown.pupils().isEmpty() ? null : shown.pupils().get(0).schoolId());
    LogEntry entry =
        new LogEntry(schoolId, about, guardianId, draft.getKind(), draft.getWhen().atZone(LogItemDetails.LONDON).toOffsetDateTime(),
            draft.getTitle(), draft.getDetail(), draft.isRestricted(), null);
    try {
      log.record(entry);
      form.setVisible(false);
      Notification.show(draft.isRestricted() ? "Saved. Only the DSL and headteacher will see it." : "Saved in the log");
      refresh();
    } catch (InvalidInputException | AccessDeniedException | NotFoundException e) {
      Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
    }
  }

  private static Span kindBadge(LogItem i) {
    Span badge = new Span(i.kind().label());
    badge.getElement().getThemeList().add(i.kind().isWrittenByOutbox() ? "badge" : "badge contrast");
    return badge;
  }

  private static Div title(LogItem i) {
    Div d = new Div();
    d.add(new Span(i.title()));
    if (i.restricted()) {
      Span s = new Span("Safeguarding");
      s.getElement().getThemeList().add("badge error small");
      s.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
      d.add(s);
    }
    return d;
  }

  private static String with(LogItem i) {
    if (i.message() != null) {
      return i.message().channelLabel() + ": " + i.message().destination();
    }
    return i.guardianName() == null ? "" : i.guardianName();
  }
}

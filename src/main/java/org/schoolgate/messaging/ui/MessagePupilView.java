package org.schoolgate.messaging.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.schoolgate.directory.application.PupilDirectory;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.messaging.application.Messages;
import org.schoolgate.messaging.application.SchoolTemplates;
import org.schoolgate.platform.security.StaffOnly;
import org.schoolgate.platform.ui.StaffLayout;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * Sending a message about one pupil, reached from the pupil's page: the send dialog opens at once
 * and closing it returns to the pupil.
 */
@Route(value = "staff/pupils/:pupilId/message", layout = StaffLayout.class)
@PageTitle("Send a message · Schoolgate")
@StaffOnly
public class MessagePupilView extends VerticalLayout implements BeforeEnterObserver {

  private final PupilDirectory directory;
  private final Messages messages;
  private final SchoolTemplates templates;
  SendMessageDialog dialog;

  @Inject
  public MessagePupilView(PupilDirectory directory, Messages messages, SchoolTemplates templates) {
    this.directory = directory;
    this.messages = messages;
    this.templates = templates;
    addClassName("sg-page");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    UUID id;
    Pupil pupil;
    try {
      id = UUID.fromString(event.getRouteParameters().get("pupilId").orElse(""));
      pupil = directory.pupil(id, "Send a message screen");
    } catch (IllegalArgumentException | NotFoundException e) {
      event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
      return;
    }
    removeAll();
    add(new H1("Message about " + pupil.displayName()));
    dialog = new SendMessageDialog(messages, templates, pupil.getSchool().getId(), List.of(id), pupil.displayName());
    dialog.addOpenedChangeListener(e -> {
      if (!e.isOpened()) {
        getUI().ifPresent(ui -> ui.navigate("staff/pupils/" + id));
      }
    });
    dialog.open();
  }
}

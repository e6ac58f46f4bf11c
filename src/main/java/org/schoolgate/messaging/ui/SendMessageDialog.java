package org.schoolgate.messaging.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.schoolgate.messaging.application.MessageRequest;
import org.schoolgate.messaging.application.Messages;
import org.schoolgate.messaging.application.SchoolTemplates;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.RecipientPlan.Audience;
import org.schoolgate.messaging.domain.RecipientPlan.Skipped;
import org.schoolgate.messaging.template.MessageTemplate;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * Sends one templated message about a pupil to their family: choose the message, the channel and
 * who receives it, fill in what only staff know (a meeting date, a leave decision note), preview
 * exactly what each guardian will get, with the SMS length, then send. Nothing is sent without a
 * preview first, and everyone who cannot be reached is listed with the reason.
 */
public class SendMessageDialog extends Dialog {

  /** Values Schoolgate fills itself, so staff are never asked for them. */
  static final Set<String> FILLED_BY_SCHOOLGATE =
      Set.of("school_name", "school_phone", "school_email", "headteacher", "office_contact", "portal_url", "guardian_name",
          "salutation", "contact_name", "pupil_first_name", "pupil_preferred_first_name", "absence_date", "letter_date",
          "pupil_legal_full_name", "year_group", "tutor_group", "medical_evidence_required", "attendance_pct", "absence_sessions",
          "late_sessions", "days_missed", "hours_missed", "lessons_missed", "cohort_days_missed", "attendance_band");

  final Select<MessageTemplate> template = new Select<>();
  final Select<Optional<Channel>> channel = new Select<>();
  final Select<Audience> audience = new Select<>();
  final VerticalLayout fields = new VerticalLayout();
  final Map<String, TextField> values = new LinkedHashMap<>();
  final Div preview = new Div();
  final Button previewButton = new Button("Preview");
  final Button send = new Button("Send");
  private final Messages messages;
  private final UUID schoolId;
  private final List<UUID> pupilIds;
  private Messages.Outcome previewed;

  public SendMessageDialog(Messages messages, SchoolTemplates templates, UUID schoolId, List<UUID> pupilIds, String about) {
    this.messages = messages;
    this.schoolId = schoolId;
    this.pupilIds = List.copyOf(pupilIds);
    setHeaderTitle("Send a message about " + about);
    setWidth("min(720px, 100vw)");
    template.setLabel("Message");
    template.setItems(templates.all().stream().filter(t -> !t.id().equals("sign-in-code")).toList());
    template.setItemLabelGenerator(SendMessageDialog::name);
    template.addValueChangeListener(e -> template.setHelperText(e.getValue() == null ? null : e.getValue().description()));
    template.setId("send-template");
    template.setWidthFull();
    channel.setLabel("Send by");
    channel.setItemLabelGenerator(c -> c.map(Channel::label).orElse("Each guardian's preferred way"));
    channel.setId("send-channel");
    audience.setLabel("To");
    audience.setItems(Audience.values());
    audience.setItemLabelGenerator(Audience::label);
    audience.setValue(Audience.PARENTAL_RESPONSIBILITY);
    audience.setId("send-audience");
    fields.setPadding(false);
    fields.setSpacing(false);
    preview.setId("send-preview");
    previewButton.setId("send-preview-button");
    send.setId("send-button");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    send.setEnabled(false);
    template.addValueChangeListener(e -> templateChosen());
    channel.addValueChangeListener(e -> changed());
    audience.addValueChangeListener(e -> changed());
    previewButton.addClickListener(e -> preview());
    send.addClickListener(e -> send());
    VerticalLayout body = new VerticalLayout(template, channel, audience, fields, preview);
    body.setPadding(false);
    body.setDefaultHorizontalComponentAlignment(FlexComponent.Alignment.STRETCH);
    add(body);
    getFooter().add(new Button("Cancel", e -> close()), previewButton, send);
  }

  private void templateChosen() {
    MessageTemplate t = template.getValue();
    fields.removeAll();
    values.clear();
    if (t == null) {
      return;
    }
    List<Optional<Channel>> channels = new ArrayList<>();
    channels.add(Optional.empty());
    for (Channel c : List.of(Channel.SMS, Channel.EMAIL, Channel.LETTER)) {
      if (t.supports(c.templateName())) {
        channels.add(Optional.of(c));
      }
    }
    channels.add(Optional.of(Channel.IN_APP));
    channel.setItems(channels);
    channel.setValue(channels.get(0));
    for (String name : t.declared()) {
      if (FILLED_BY_SCHOOLGATE.contains(name)) {
        continue;
      }
      TextField field = new TextField(label(name));
      field.setRequired(t.required().contains(name));
      field.setHelperText(t.required().contains(name) ? null : "Optional");
      field.setId("send-value-" + name);
      field.setWidthFull();
      field.addValueChangeListener(e -> changed());
      values.put(name, field);
      fields.add(field);
    }
    changed();
  }

  /** A short name for a template: "absence-first-day" → "Absence first day". */
  static String name(MessageTemplate t) {
    return label(t.id().replace('-', '_'));
  }

  /** "meeting_date" → "Meeting date". */
  static String label(String placeholder) {
    String words = placeholder.replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private void changed() {
    previewed = null;
    send.setEnabled(false);
    preview.removeAll();
  }

  MessageRequest request() {
    Map<String, String> given = new LinkedHashMap<>();
    values.forEach((k, f) -> {
      if (!f.getValue().isBlank()) {
        given.put(k, f.getValue().strip());
      }
    });
    MessageTemplate t = template.getValue();
    return MessageRequest.of(schoolId, t.id(), pupilIds, given)
        .withChannel(channel.getValue() == null ? null : channel.getValue().orElse(null))
        .withAudience(audience.getValue());
  }

  void preview() {
    preview.removeAll();
    if (template.getValue() == null) {
      template.setInvalid(true);
      template.setErrorMessage("Choose a message");
      return;
    }
    try {
      previewed = messages.preview(request());
      for (Messages.Rendered r : previewed.messages()) {
        Div one = new Div();
        one.addClassName("sg-message-preview");
        String to = r.delivery().guardianName() + " · " + r.channel().label()
            + (r.channel() == Channel.LETTER ? "" : " · " + r.delivery().destination())
            + (r.delivery().fallback() ? " (their preferred way is not possible)" : "");
        one.add(new H4(to));
        if (r.subject() != null) {
          one.add(new Paragraph(r.subject()));
        }
        one.add(new Pre(r.body()));
        if (r.smsLength() != null) {
          Span length = new Span(r.smsLength().summary());
          length.addClassName("sg-muted");
          one.add(length);
        }
        preview.add(one);
      }
      for (Skipped s : previewed.skipped()) {
        Paragraph p = new Paragraph((s.guardianName() == null ? "" : s.guardianName() + ": ") + s.reason());
        p.addClassName("sg-warning");
        preview.add(p);
      }
      if (previewed.messages().isEmpty()) {
        preview.add(new Paragraph("Nobody can receive this message."));
      }
      send.setEnabled(!previewed.messages().isEmpty());
    } catch (InvalidInputException | AccessDeniedException e) {
      Paragraph problem = new Paragraph(e.getMessage());
      problem.addClassName("sg-error");
      problem.setId("send-problem");
      preview.add(problem);
    }
  }

  void send() {
    if (previewed == null) {
      return;
    }
    try {
      Messages.Outcome sent = messages.send(request());
      int count = sent.messageIds().size();
      String text = count == 0 ? "Nothing sent: " + reasons(sent) : count + (count == 1 ? " message" : " messages") + " queued to send"
          + (sent.skipped().isEmpty() ? "" : "; not sent to " + sent.skipped().size() + ": " + reasons(sent));
      Notification n = Notification.show(text, 6000, Notification.Position.BOTTOM_START);
      n.addThemeVariants(count == 0 ? NotificationVariant.LUMO_WARNING : NotificationVariant.LUMO_SUCCESS);
      close();
    } catch (InvalidInputException | AccessDeniedException e) {
      preview.removeAll();
      Paragraph problem = new Paragraph(e.getMessage());
      problem.addClassName("sg-error");
      problem.setId("send-problem");
      preview.add(problem);
      send.setEnabled(false);
    }
  }

  private static String reasons(Messages.Outcome outcome) {
    return String.join("; ", outcome.skipped().stream().map(Skipped::reason).distinct().toList());
  }
}

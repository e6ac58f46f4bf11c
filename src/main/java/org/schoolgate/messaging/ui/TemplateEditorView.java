package org.schoolgate.messaging.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.schoolgate.directory.application.PupilDirectory;
import org.schoolgate.directory.application.Schools;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.School;
import org.schoolgate.messaging.application.MessageRequest;
import org.schoolgate.messaging.application.Messages;
import org.schoolgate.messaging.application.SchoolTemplates;
import org.schoolgate.messaging.application.SchoolTemplates.State;
import org.schoolgate.messaging.application.SchoolTemplates.Version;
import org.schoolgate.messaging.domain.RecipientPlan.Skipped;
import org.schoolgate.messaging.template.MessageTemplate;
import org.schoolgate.messaging.template.TemplateException;
import org.schoolgate.platform.security.StaffOnly;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.ui.StaffLayout;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.InvalidInputException;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * A school's own wording of one template: edit it by part and language, preview it with the
 * example values or as a real pupil's family would receive it, save it as a draft, submit it,
 * and (for the headteacher or an administrator) sign it off or return it with a reason. Nothing
 * is sent from here; the school's messages change only when a version is signed off.
 */
@Route(value = "staff/templates/:templateId", layout = StaffLayout.class)
@PageTitle("Template · Schoolgate")
@StaffOnly({StaffRole.ATTENDANCE_OFFICER, StaffRole.PASTORAL_LEAD, StaffRole.OFFICE, StaffRole.HEADTEACHER, StaffRole.ADMINISTRATOR})
public class TemplateEditorView extends VerticalLayout implements BeforeEnterObserver {

  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK).withZone(ZoneId.of("Europe/London"));

  final Select<School> school = new Select<>();
  final H1 title = new H1();
  final Paragraph status = new Paragraph();
  final Paragraph message = new Paragraph();
  final TemplateTextsForm form = new TemplateTextsForm();
  final TextField note = new TextField("Note for the person signing off");
  final Button save = new Button("Save draft", e -> save());
  final Button submit = new Button("Submit for sign-off", e -> submit());
  final Button signOff = new Button("Sign off", e -> signOff());
  final Button reject = new Button("Return with a reason…", e -> askReason());
  final Button retire = new Button("Go back to Schoolgate's wording…", e -> askRetire());
  final ComboBox<Pupil> pupil = new ComboBox<>("Preview for a pupil's family");
  final Button previewPupil = new Button("Preview", e -> previewForPupil());
  final Div previews = new Div();
  final Grid<Version> history = new Grid<>();
  private final SchoolTemplates templates;
  private final Messages messages;
  private final PupilDirectory directory;
  private final List<School> mine;
  private String templateId;
  private MessageTemplate ours;
  /** The version in the form: 0 when it holds Schoolgate's wording. */
  int openVersion;
  private State openState;

  @Inject
  public TemplateEditorView(Schools schools, SchoolTemplates templates, Messages messages, PupilDirectory directory) {
    this.templates = templates;
    this.messages = messages;
    this.directory = directory;
    addClassName("sg-page");
    mine = schools.mySchools().stream().filter(s -> templates.mayEdit(s.getId())).toList();
    school.setLabel("School");
    school.setId("template-school");
    school.setItems(mine);
    school.setItemLabelGenerator(School::getName);
    school.setVisible(mine.size() > 1);
    title.setId("template-title");
    status.setId("template-status");
    message.setId("template-message");
    message.setVisible(false);
    note.setId("template-note");
    note.setWidthFull();
    note.setMaxLength(500);
    save.setId("template-save");
    submit.setId("template-submit");
    signOff.setId("template-sign-off");
    reject.setId("template-reject");
    retire.setId("template-retire");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    signOff.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
    reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
    retire.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    configurePupilPreview();
    configureHistory();
    school.addValueChangeListener(e -> load());
    add(school, title, status, message, form, note, new HorizontalLayout(save, submit, signOff, reject, retire),
        new H2("Preview for a real pupil"), new HorizontalLayout(pupil, previewPupil), previews, new H2("Versions"), history);
    setDefaultHorizontalComponentAlignment(Alignment.STRETCH);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    try {
      templateId = event.getRouteParameters().get("templateId").orElse("");
      ours = templates.ours(templateId);
    } catch (TemplateException e) {
      event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
      return;
    }
    if (mine.isEmpty()) {
      event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
      return;
    }
    List<String> asked = event.getLocation().getQueryParameters().getParameters().getOrDefault("school", List.of());
    School chosen = mine.stream().filter(s -> asked.contains(s.getId().toString())).findFirst().orElse(mine.get(0));
    title.setText(ours.title());
    if (chosen.equals(school.getValue())) {
      load();
    } else {
      school.setValue(chosen);
    }
  }

  private UUID schoolId() {
    return school.getValue() == null ? null : school.getValue().getId();
  }

  /** Opens the version to carry on from: the newest, unless it was retired (then Schoolgate's wording). */
  void load() {
    if (schoolId() == null || ours == null) {
      return;
    }
    List<Version> versions = templates.versions(schoolId(), templateId);
    Optional<Version> newest = versions.stream().findFirst().filter(v -> v.state() != State.RETIRED);
    open(newest.orElse(null), versions);
  }

  private void open(Version version, List<Version> versions) {
    openVersion = version == null ? 0 : version.version();
    openState = version == null ? null : version.state();
    form.show(ours, templates.draft(schoolId(), templateId, openVersion));
    history.setItems(versions);
    note.clear();
    int inUse = versions.stream().filter(v -> v.state() == State.SIGNED_OFF).mapToInt(Version::version).max().orElse(0);
    status.setText(statusLine(inUse, version));
    boolean senior = templates.maySignOff(schoolId());
    boolean awaiting = openState == State.AWAITING_SIGN_OFF;
    signOff.setVisible(senior);
    reject.setVisible(senior);
    retire.setVisible(senior);
    signOff.setEnabled(awaiting);
    reject.setEnabled(awaiting);
    retire.setEnabled(inUse > 0);
    submit.setText(openState == State.DRAFT ? "Submit for sign-off" : "Save and submit for sign-off");
  }

  /** "In use: the school's version 2. Showing version 3 (Draft) by Ms Priya Shah." */
  static String statusLine(int inUse, Version open) {
    String using = inUse == 0 ? "In use: Schoolgate's wording." : "In use: the school's own wording, version " + inUse + ".";
    if (open == null) {
      return using + " Showing Schoolgate's wording: change it and save a draft to start the school's own.";
    }
    return using + " Showing version " + open.version() + " (" + open.state().label() + ") by " + open.author()
        + (open.note() == null ? "." : ". Note: " + open.note());
  }

  // ---- actions -----------------------------------------------------------------------------------

  void save() {
    attempt(() -> {
      int version = templates.saveDraft(schoolId(), templateId, form.texts(), note.getValue());
      reopen(version);
      done("Saved as draft version " + version + ". Families still receive the wording in use.");
    });
  }

  void submit() {
    attempt(() -> {
      int version = openVersion;
      if (openState != State.DRAFT || form.changed()) {
        version = templates.saveDraft(schoolId(), templateId, form.texts(), note.getValue());
      }
      templates.submit(schoolId(), templateId, version);
      reopen(version);
      done("Version " + version + " is waiting for the headteacher or an administrator to sign it off.");
    });
  }

  void signOff() {
    if (form.changed()) {
      refuse("The text has changed since version " + openVersion + " was opened. Sign off only what was submitted:"
          + " reopen the version, or save the changes as a new draft.");
      return;
    }
    int version = openVersion;
    attempt(() -> {
      templates.signOff(schoolId(), templateId, version);
      reopen(version);
      done("Version " + version + " is signed off: the school's messages use it from now on.");
    });
  }

  void reject(String reason) {
    int version = openVersion;
    attempt(() -> {
      templates.reject(schoolId(), templateId, version, reason);
      reopen(version);
      done("Version " + version + " was returned to its author with your reason.");
    });
  }

  void retire() {
    attempt(() -> {
      templates.retire(schoolId(), templateId);
      load();
      done("The school's messages use Schoolgate's wording again.");
    });
  }

  private void reopen(int version) {
    List<Version> versions = templates.versions(schoolId(), templateId);
    open(versions.stream().filter(v -> v.version() == version).findFirst().orElse(null), versions);
  }

  private void askReason() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Return version " + openVersion + " without signing it off");
    TextArea reason = new TextArea("What should change");
    reason.setId("template-reject-reason");
    reason.setWidthFull();
    Button confirm = new Button("Return it", e -> {
      if (reason.getValue().isBlank()) {
        reason.setInvalid(true);
        reason.setErrorMessage("Say why it is not signed off, so the author can change it");
        return;
      }
      dialog.close();
      reject(reason.getValue());
    });
    confirm.setId("template-reject-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
    dialog.add(reason);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
    dialog.open();
  }

  private void askRetire() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Go back to Schoolgate's wording?");
    Button confirm = new Button("Use Schoolgate's wording", e -> {
      dialog.close();
      retire();
    });
    confirm.setId("template-retire-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.add(new Paragraph("Messages sent from now on use Schoolgate's wording. The school's versions stay in the history."));
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
    dialog.open();
  }

  /** Runs an action and shows any refusal in words the office understands. */
  private void attempt(Runnable action) {
    form.clearProblems();
    message.setVisible(false);
    try {
      action.run();
    } catch (InvalidInputException e) {
      if (e.field() != null && form.boxes.containsKey(e.field())) {
        form.showProblem(e.field(), e.getMessage());
      } else if ("note".equals(e.field())) {
        note.setInvalid(true);
        note.setErrorMessage(e.getMessage());
      }
      refuse(e.getMessage());
    } catch (AccessDeniedException | NotFoundException e) {
      refuse(e.getMessage());
    }
  }

  private void refuse(String text) {
    message.setText(text);
    message.getStyle().set("color", "var(--lumo-error-text-color)");
    message.setVisible(true);
    Notification.show(text, 6000, Notification.Position.MIDDLE);
  }

  private void done(String text) {
    message.setText(text);
    message.getStyle().set("color", "var(--lumo-success-text-color)");
    message.setVisible(true);
    Notification.show(text);
  }

  // ---- previews and history ----------------------------------------------------------------------

  private void configurePupilPreview() {
    pupil.setId("template-pupil");
    pupil.setPlaceholder("Type a name or UPN");
    pupil.setItemLabelGenerator(Pupil::displayName);
    pupil.setWidth("24em");
    pupil.setItems(
        query -> {
          int offset = query.getOffset();
          int limit = query.getLimit();
          return schoolId() == null
              ? Stream.<Pupil>empty()
              : directory.search(schoolId(), query.getFilter().orElse(""), offset + limit).stream().skip(offset).limit(limit);
        });
    previewPupil.setId("template-preview-pupil");
    previews.setId("template-previews");
    previews.setWidthFull();
  }

  void previewForPupil() {
    previews.removeAll();
    if (pupil.getValue() == null) {
      refuse("Choose a pupil of the school to preview their family's message");
      return;
    }
    attempt(() -> {
      MessageTemplate draft = templates.edited(templateId, form.texts());
      Messages.Outcome outcome =
          messages.previewDraft(MessageRequest.of(schoolId(), templateId, List.of(pupil.getValue().getId()), Map.of()), draft, openVersion);
      for (Messages.Rendered r : outcome.messages()) {
        previews.add(card(r));
      }
      for (Skipped s : outcome.skipped()) {
        Paragraph skipped = new Paragraph((s.guardianName() == null ? "Nobody" : s.guardianName()) + " would not receive it: " + s.reason());
        skipped.addClassName("template-preview-skipped");
        previews.add(skipped);
      }
      if (outcome.messages().isEmpty() && outcome.skipped().isEmpty()) {
        previews.add(new Paragraph("Nobody would receive this message."));
      }
    });
  }

  private static Div card(Messages.Rendered r) {
    Div card = new Div();
    card.addClassName("template-preview-message");
    card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
        .set("padding", "var(--lumo-space-m)").set("margin-bottom", "var(--lumo-space-s)");
    String to = r.delivery().guardianName() + (r.delivery().destination() == null ? "" : " · " + r.delivery().destination());
    card.add(new H4(r.channel().label() + " to " + to + " (" + TemplateTextsForm.languageLabel(r.language()) + ")"));
    Div text = new Div();
    text.getStyle().set("white-space", "pre-wrap");
    text.getElement().setAttribute("dir", TemplateTextsForm.rightToLeft(r.language()) ? "rtl" : "ltr");
    if (r.subject() != null) {
      Paragraph subject = new Paragraph("Subject: " + r.subject());
      subject.getStyle().set("font-weight", "600");
      text.add(subject);
    }
    text.add(new Paragraph(r.body()));
    card.add(text);
    if (r.smsLength() != null) {
      card.add(new Paragraph(r.smsLength().summary()));
    }
    return card;
  }

  private void configureHistory() {
    history.setId("template-history");
    history.setAllRowsVisible(true);
    history.addColumn(Version::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
    history.addColumn(v -> v.state().label()).setHeader("State").setAutoWidth(true);
    history.addColumn(v -> v.author() + ", " + WHEN.format(v.writtenAt())).setHeader("Written").setAutoWidth(true);
    history.addColumn(v -> v.decidedBy() == null ? "" : v.decidedBy() + ", " + WHEN.format(v.decidedAt()))
        .setHeader("Signed off or returned").setAutoWidth(true);
    history.addColumn(v -> v.note() == null ? "" : v.note()).setHeader("Note").setFlexGrow(1);
    history.addColumn(new ComponentRenderer<>(v -> {
      Button openIt = new Button("Open", e -> attempt(() -> open(v, templates.versions(schoolId(), templateId))));
      openIt.setId("template-open-version-" + v.version());
      openIt.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      return openIt;
    })).setAutoWidth(true).setFlexGrow(0);
  }
}

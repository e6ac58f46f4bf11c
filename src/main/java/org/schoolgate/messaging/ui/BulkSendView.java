package org.schoolgate.messaging.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.schoolgate.directory.application.Schools;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.TeachingGroup;
import org.schoolgate.messaging.application.BulkSends;
import org.schoolgate.messaging.application.BulkSends.BulkAudience;
import org.schoolgate.messaging.application.BulkSends.BulkPreview;
import org.schoolgate.messaging.application.BulkSends.BulkProgress;
import org.schoolgate.messaging.application.BulkSends.BulkRequest;
import org.schoolgate.messaging.application.BulkSends.BulkResult;
import org.schoolgate.messaging.application.BulkSends.BulkStarted;
import org.schoolgate.messaging.application.BulkSends.BulkSummary;
import org.schoolgate.messaging.application.BulkSends.BulkUnreachable;
import org.schoolgate.messaging.application.BulkState;
import org.schoolgate.messaging.domain.AudienceFilter.PupilLine;
import org.schoolgate.messaging.domain.AudienceFilter.Rule;
import org.schoolgate.messaging.domain.AudienceFilter.Scope;
import org.schoolgate.messaging.domain.AudienceFilter.ScopeKind;
import org.schoolgate.messaging.domain.AudienceFilter.Spec;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.DeliveryStatus;
import org.schoolgate.messaging.domain.RecipientPlan.Audience;
import org.schoolgate.messaging.template.MessageTemplate;
import org.schoolgate.platform.security.StaffOnly;
import org.schoolgate.platform.ui.StaffLayout;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.InvalidInputException;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * Messages to many families on one page: choose the audience (whole school, a year group or a
 * class, narrowed by an attendance rule), decide one by one about pupils with SEN or a care plan,
 * pick the template and channel, fill the event's details, check the count, cost and a sample,
 * then send now or at a set time; the progress bar follows the send, Cancel stops what is still
 * waiting, and the results show what happened to each family.
 */
@Route(value = "staff/messages/bulk", layout = StaffLayout.class)
@PageTitle("Messages to many families · Schoolgate")
@StaffOnly
public class BulkSendView extends VerticalLayout {

  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

  final Select<School> school = new Select<>();
  final Select<ScopeKind> scope = new Select<>();
  final Select<Integer> year = new Select<>();
  final Select<TeachingGroup> group = new Select<>();
  final Select<Rule> filter = new Select<>();
  final IntegerField threshold = new IntegerField();
  final RadioButtonGroup<Audience> recipients = new RadioButtonGroup<>();
  final CheckboxGroup<PupilLine> heldBack = new CheckboxGroup<>();
  final Paragraph audienceCount = new Paragraph();
  final Select<MessageTemplate> template = new Select<>();
  final Select<Optional<Channel>> channel = new Select<>();
  final FormLayout valuesForm = new FormLayout();
  final Map<String, TextField> values = new LinkedHashMap<>();
  final Button check = new Button("Check count and cost");
  final Paragraph summary = new Paragraph();
  final Paragraph permission = new Paragraph();
  final Pre sample = new Pre();
  final Grid<PupilLine> pupils = new Grid<>();
  final Grid<BulkUnreachable> unreachable = new Grid<>();
  final RadioButtonGroup<String> when = new RadioButtonGroup<>();
  final DateTimePicker scheduleAt = new DateTimePicker("Send at");
  final Button send = new Button("Send now");
  final Paragraph error = new Paragraph();
  final ProgressBar progressBar = new ProgressBar();
  final Paragraph progressText = new Paragraph();
  final Button cancel = new Button("Cancel what is still waiting");
  final Select<Optional<DeliveryStatus>> resultStatus = new Select<>();
  final Grid<BulkResult> results = new Grid<>();
  final Grid<BulkSummary> recent = new Grid<>();
  final VerticalLayout watch = new VerticalLayout();

  private static final String NOW = "Send now";
  private static final String LATER = "Schedule for later";

  private final BulkSends bulk;
  private final Schools schools;
  private BulkPreview preview;
  private UUID watching;
  private List<BulkResult> allResults = List.of();
  private Registration polling;

  @Inject
  public BulkSendView(Schools schools, BulkSends bulk) {
    this.schools = schools;
    this.bulk = bulk;
    addClassName("sg-page");
    setWidthFull();
    error.setId("bulk-error");
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    add(new H1("Messages to many families"), error);
    add(new H2("1. Who"), audienceStep());
    add(new H2("2. What"), messageStep());
    add(new H2("3. Check"), checkStep());
    add(new H2("4. Send"), sendStep());
    add(watchStep());
    add(new H2("Recent sends"), recentGrid());
    List<School> mine = schools.mySchools();
    school.setItems(mine);
    if (!mine.isEmpty()) {
      school.setValue(mine.get(0));
    }
  }

  // ---- steps -------------------------------------------------------------------------------

  private VerticalLayout audienceStep() {
    school.setLabel("School");
    school.setId("bulk-school");
    school.setItemLabelGenerator(School::getName);
    school.addValueChangeListener(e -> schoolChosen());
    scope.setLabel("Pupils");
    scope.setId("bulk-scope");
    scope.setItems(ScopeKind.values());
    scope.setItemLabelGenerator(k -> switch (k) {
      case SCHOOL -> "Whole school";
      case YEAR_GROUP -> "A year group";
      case CLASS -> "A class";
    });
    scope.setValue(ScopeKind.YEAR_GROUP);
    year.setLabel("Year group");
    year.setId("bulk-year");
    year.setItemLabelGenerator(y -> y == 0 ? "Reception" : "Year " + y);
    group.setLabel("Class");
    group.setId("bulk-class");
    group.setItemLabelGenerator(g -> g.getName() + " (" + (g.getYearGroup() == 0 ? "Reception" : "Year " + g.getYearGroup()) + ")");
    filter.setLabel("Which of them");
    filter.setId("bulk-filter");
    filter.setItems(Rule.values());
    filter.setItemLabelGenerator(Rule::label);
    filter.setValue(Rule.EVERYONE);
    threshold.setId("bulk-threshold");
    threshold.setStepButtonsVisible(true);
    recipients.setLabel("Send to");
    recipients.setId("bulk-recipients");
    recipients.setItems(Audience.PARENTAL_RESPONSIBILITY, Audience.CORRESPONDENCE);
    recipients.setItemLabelGenerator(Audience::label);
    recipients.setValue(Audience.PARENTAL_RESPONSIBILITY);
    heldBack.setLabel("Pupils with SEN, looked after or on a child protection or child in need plan are never included by"
        + " default. Tick only those you have decided should receive this.");
    heldBack.setId("bulk-held-back");
    heldBack.setItemLabelGenerator(l -> l.name() + " (" + l.decisionReason() + ", " + l.year().percent() + " this year)");
    audienceCount.setId("bulk-audience-count");
    scope.addValueChangeListener(e -> audienceChanged());
    year.addValueChangeListener(e -> audienceChanged());
    group.addValueChangeListener(e -> audienceChanged());
    filter.addValueChangeListener(e -> {
      thresholdFor(e.getValue());
      audienceChanged();
    });
    threshold.addValueChangeListener(e -> audienceChanged());
    recipients.addValueChangeListener(e -> clearPreview());
    heldBack.addValueChangeListener(e -> clearPreview());
    thresholdFor(Rule.EVERYONE);
    return new VerticalLayout(new HorizontalLayout(school, scope, year, group), new HorizontalLayout(filter, threshold), recipients,
        audienceCount, heldBack);
  }

  private VerticalLayout messageStep() {
    template.setLabel("Message");
    template.setId("bulk-template");
    template.setItemLabelGenerator(MessageTemplate::title);
    template.setWidth("32em");
    template.addValueChangeListener(e -> templateChosen());
    channel.setLabel("Send by");
    channel.setId("bulk-channel");
    channel.setItemLabelGenerator(c -> c.map(Channel::label).orElse("Each family's preferred way"));
    channel.addValueChangeListener(e -> clearPreview());
    valuesForm.setId("bulk-values");
    try {
      template.setItems(bulk.templates());
    } catch (RuntimeException missing) {
      error.setText("The list of messages could not be read: " + missing.getMessage());
    }
    return new VerticalLayout(new HorizontalLayout(template, channel), valuesForm);
  }

  private VerticalLayout checkStep() {
    check.setId("bulk-check");
    check.addClickListener(e -> check());
    summary.setId("bulk-summary");
    summary.getStyle().set("font-weight", "bold");
    permission.setId("bulk-permission");
    sample.setId("bulk-sample");
    sample.getStyle().set("white-space", "pre-wrap");
    pupils.setId("bulk-pupils");
    pupils.addColumn(PupilLine::name).setHeader("Pupil").setAutoWidth(true);
    pupils.addColumn(l -> l.yearGroup() == 0 ? "Reception" : "Year " + l.yearGroup()).setHeader("Year").setAutoWidth(true);
    pupils.addColumn(l -> l.groupName() == null ? "" : l.groupName()).setHeader("Class").setAutoWidth(true);
    pupils.addColumn(l -> l.year().percent()).setHeader("This year").setAutoWidth(true);
    pupils.addColumn(l -> l.recent().percent()).setHeader("Last two weeks").setAutoWidth(true);
    pupils.setAllRowsVisible(false);
    pupils.setHeight("16em");
    unreachable.setId("bulk-unreachable");
    unreachable.addColumn(BulkUnreachable::pupil).setHeader("Pupil").setAutoWidth(true);
    unreachable.addColumn(BulkUnreachable::guardian).setHeader("Guardian").setAutoWidth(true);
    unreachable.addColumn(BulkUnreachable::reason).setHeader("Why not").setFlexGrow(1);
    unreachable.setHeight("12em");
    clearPreview();
    return new VerticalLayout(check, summary, permission, new Paragraph("Sample message:"), sample, pupils, unreachable);
  }

  private VerticalLayout sendStep() {
    when.setId("bulk-when");
    when.setItems(NOW, LATER);
    when.setValue(NOW);
    scheduleAt.setId("bulk-schedule-at");
    scheduleAt.setStep(java.time.Duration.ofMinutes(15));
    scheduleAt.setVisible(false);
    when.addValueChangeListener(e -> {
      scheduleAt.setVisible(LATER.equals(e.getValue()));
      send.setText(LATER.equals(e.getValue()) ? "Schedule" : "Send now");
    });
    send.setId("bulk-send");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    send.addClickListener(e -> confirmSend());
    return new VerticalLayout(when, scheduleAt, send);
  }

  private VerticalLayout watchStep() {
    progressBar.setId("bulk-progress");
    progressText.setId("bulk-progress-text");
    cancel.setId("bulk-cancel");
    cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
    cancel.addClickListener(e -> confirmCancel());
    resultStatus.setLabel("Show");
    resultStatus.setId("bulk-results-status");
    List<Optional<DeliveryStatus>> statuses = new ArrayList<>();
    statuses.add(Optional.empty());
    for (DeliveryStatus s : DeliveryStatus.values()) {
      statuses.add(Optional.of(s));
    }
    resultStatus.setItems(statuses);
    resultStatus.setItemLabelGenerator(s -> s.map(DeliveryStatus::label).orElse("Every family"));
    resultStatus.setValue(Optional.empty());
    resultStatus.addValueChangeListener(e -> showResults());
    results.setId("bulk-results");
    results.addColumn(BulkResult::guardian).setHeader("Guardian").setAutoWidth(true);
    results.addColumn(BulkResult::pupils).setHeader("About").setAutoWidth(true);
    results.addColumn(r -> r.channel().label()).setHeader("By").setAutoWidth(true);
    results.addColumn(r -> r.status().label()).setHeader("Status").setAutoWidth(true);
    results.addColumn(r -> r.reason() == null ? "" : r.reason()).setHeader("Reason").setFlexGrow(1);
    results.setHeight("24em");
    watch.setId("bulk-watch");
    watch.setPadding(false);
    watch.add(new H2("Progress"), progressBar, progressText, cancel, resultStatus, results);
    watch.setVisible(false);
    return watch;
  }

  private Grid<BulkSummary> recentGrid() {
    recent.setId("bulk-recent");
    recent.addColumn(s -> WHEN.format(s.createdAt().atZoneSameInstant(zone()))).setHeader("Started").setAutoWidth(true);
    recent.addColumn(BulkSummary::templateTitle).setHeader("Message").setAutoWidth(true);
    recent.addColumn(BulkSummary::audience).setHeader("To").setFlexGrow(1);
    recent.addColumn(BulkSummary::total).setHeader("Messages").setAutoWidth(true);
    recent.addColumn(s -> s.state().label()
        + (s.state() == BulkState.SCHEDULED ? " for " + WHEN.format(s.scheduledFor().atZoneSameInstant(zone())) : ""))
        .setHeader("State").setAutoWidth(true);
    recent.addColumn(BulkSummary::createdBy).setHeader("By").setAutoWidth(true);
    recent.addItemClickListener(e -> watch(e.getItem().id()));
    recent.setHeight("16em");
    return recent;
  }

  // ---- reacting ----------------------------------------------------------------------------

  private void schoolChosen() {
    School s = school.getValue();
    if (s == null) {
      return;
    }
    List<TeachingGroup> groups = schools.groups(s.getId());
    group.setItems(groups);
    List<Integer> years = IntStream.rangeClosed(0, 13).boxed()
        .filter(y -> groups.stream().anyMatch(g -> g.getYearGroup() == y)).collect(Collectors.toList());
    year.setItems(years);
    if (!years.isEmpty()) {
      year.setValue(years.get(0));
    }
    refreshRecent();
    audienceChanged();
  }

  private void thresholdFor(Rule rule) {
    threshold.setVisible(rule == Rule.BELOW || rule == Rule.IMPROVED_MOST);
    if (rule == Rule.BELOW) {
      threshold.setLabel("Attendance below (%)");
      threshold.setMin(1);
      threshold.setMax(100);
      threshold.setValue(95);
    } else if (rule == Rule.IMPROVED_MOST) {
      threshold.setLabel("How many pupils");
      threshold.setMin(1);
      threshold.setMax(500);
      threshold.setValue(12);
    }
  }

  /** The audience as chosen, or empty (with the reason shown) when something is missing. */
  Optional<Spec> spec() {
    School s = school.getValue();
    if (s == null || scope.getValue() == null) {
      return Optional.empty();
    }
    Scope chosen = switch (scope.getValue()) {
      case SCHOOL -> Scope.school();
      case YEAR_GROUP -> year.getValue() == null ? null : Scope.year(year.getValue());
      case CLASS -> group.getValue() == null ? null : Scope.group(group.getValue().getId(), group.getValue().getName());
    };
    if (chosen == null) {
      return Optional.empty();
    }
    int number = threshold.getValue() == null ? 0 : threshold.getValue();
    try {
      Set<UUID> included = heldBack.getValue().stream().map(PupilLine::pupilId).collect(Collectors.toSet());
      return Optional.of(new Spec(chosen, filter.getValue(), number, recipients.getValue(), included));
    } catch (IllegalArgumentException e) {
      error.setText(e.getMessage());
      return Optional.empty();
    }
  }

  private void audienceChanged() {
    year.setVisible(scope.getValue() == ScopeKind.YEAR_GROUP);
    group.setVisible(scope.getValue() == ScopeKind.CLASS);
    error.setText("");
    clearPreview();
    heldBack.setItems(List.of());
    Optional<Spec> spec = spec();
    if (spec.isEmpty()) {
      audienceCount.setText("");
      return;
    }
    try {
      BulkAudience audience = bulk.audience(school.getValue().getId(), spec.get().withIncluded(Set.of()));
      heldBack.setItems(audience.heldBack());
      heldBack.setVisible(!audience.heldBack().isEmpty());
      audienceCount.setText(audience.included().size() + " pupils"
          + audience.period().map(p -> " (" + p.name() + ", " + p.from() + " to " + p.to() + ")").orElse("")
          + (audience.heldBack().isEmpty() ? "" : "; " + audience.heldBack().size() + " more need your decision (below)"));
    } catch (InvalidInputException | AccessDeniedException e) {
      error.setText(e.getMessage());
    }
  }

  private void templateChosen() {
    clearPreview();
    valuesForm.removeAll();
    values.clear();
    MessageTemplate t = template.getValue();
    if (t == null) {
      channel.setItems(List.of());
      return;
    }
    List<Optional<Channel>> channels = new ArrayList<>();
    channels.add(Optional.empty());
    for (Channel c : List.of(Channel.SMS, Channel.EMAIL, Channel.LETTER)) {
      if (t.supports(c.templateName())) {
        channels.add(Optional.of(c));
      }
    }
    channel.setItems(channels);
    channel.setValue(Optional.empty());
    for (String field : BulkSends.valuesToAsk(t)) {
      TextField input = new TextField(BulkSends.labelOf(field) + (t.required().contains(field) ? "" : " (optional)"));
      input.setId("bulk-value-" + field);
      input.setRequiredIndicatorVisible(t.required().contains(field));
      input.addValueChangeListener(e -> clearPreview());
      values.put(field, input);
      valuesForm.add(input);
    }
  }

  private void clearPreview() {
    preview = null;
    summary.setText("Check the count and cost before sending.");
    permission.setText("");
    sample.setText("");
    pupils.setItems(List.of());
    unreachable.setItems(List.of());
    unreachable.setVisible(false);
    send.setEnabled(false);
  }

  Optional<BulkRequest> request() {
    Optional<Spec> spec = spec();
    if (spec.isEmpty() || template.getValue() == null) {
      error.setText("Choose the pupils and the message first.");
      return Optional.empty();
    }
    Map<String, String> typed = new LinkedHashMap<>();
    values.forEach((k, f) -> typed.put(k, f.getValue()));
    OffsetDateTime at = null;
    if (LATER.equals(when.getValue())) {
      LocalDateTime local = scheduleAt.getValue();
      if (local == null) {
        error.setText("Choose when to send it.");
        return Optional.empty();
      }
      at = local.atZone(zone()).toOffsetDateTime();
    }
    return Optional.of(new BulkRequest(school.getValue().getId(), spec.get(), template.getValue().id(),
        channel.getValue() == null ? null : channel.getValue().orElse(null), typed, at));
  }

  void check() {
    error.setText("");
    Optional<BulkRequest> request = request();
    if (request.isEmpty()) {
      return;
    }
    try {
      preview = bulk.preview(request.get());
    } catch (InvalidInputException | AccessDeniedException e) {
      clearPreview();
      error.setText(e.getMessage());
      return;
    }
    summary.setText(preview.pupils() == 0 ? "No pupils match this audience." : preview.summary());
    permission.setText(preview.refusal() == null
        ? preview.families() > BulkSends.LARGE_SEND_FAMILIES
            ? "This goes to more than " + BulkSends.LARGE_SEND_FAMILIES + " families: you may send it as headteacher or administrator."
            : ""
        : preview.refusal());
    sample.setText(preview.sample() == null ? ""
        : (preview.sample().subject() == null ? "" : preview.sample().subject() + "\n\n") + preview.sample().body());
    pupils.setItems(preview.audience().included());
    unreachable.setItems(preview.unreachable());
    unreachable.setVisible(!preview.unreachable().isEmpty());
    send.setEnabled(preview.maySend());
  }

  private void confirmSend() {
    if (preview == null) {
      return;
    }
    Optional<BulkRequest> request = request();
    if (request.isEmpty()) {
      return;
    }
    ConfirmDialog dialog = new ConfirmDialog();
    dialog.setId("bulk-confirm");
    dialog.setHeader(request.get().scheduledFor() == null ? "Send now?" : "Schedule this send?");
    dialog.setText(preview.summary() + (request.get().scheduledFor() == null ? ". It starts straight away."
        : ". It goes on " + WHEN.format(request.get().scheduledFor().atZoneSameInstant(zone())) + "; you can cancel it until then."));
    dialog.setCancelable(true);
    dialog.setCancelText("Go back");
    dialog.setConfirmText(request.get().scheduledFor() == null ? "Send" : "Schedule");
    dialog.addConfirmListener(e -> start(request.get()));
    dialog.open();
  }

  void start(BulkRequest request) {
    try {
      BulkStarted started = bulk.start(request);
      clearPreview();
      summary.setText(started.messages() + " messages " + (started.state() == BulkState.SCHEDULED ? "scheduled" : "on their way")
          + (started.unreachable().isEmpty() ? "" : "; " + started.unreachable().size() + " not sent (listed below)"));
      unreachable.setItems(started.unreachable());
      unreachable.setVisible(!started.unreachable().isEmpty());
      refreshRecent();
      watch(started.bulkId());
    } catch (InvalidInputException | AccessDeniedException e) {
      error.setText(e.getMessage());
    } catch (RuntimeException e) {
      error.setText("The send could not be saved, so nothing was sent. Please try again, or ask your administrator.");
      refreshRecent();
    }
  }

  private void confirmCancel() {
    if (watching == null) {
      return;
    }
    ConfirmDialog dialog = new ConfirmDialog();
    dialog.setId("bulk-cancel-confirm");
    dialog.setHeader("Cancel this send?");
    dialog.setText("Messages still waiting will not be sent. Messages already sent cannot be called back.");
    dialog.setCancelable(true);
    dialog.setCancelText("Keep sending");
    dialog.setConfirmText("Cancel the rest");
    dialog.setConfirmButtonTheme("error primary");
    dialog.addConfirmListener(e -> {
      try {
        bulk.cancel(watching);
      } catch (InvalidInputException | AccessDeniedException e2) {
        error.setText(e2.getMessage());
      }
      refreshProgress();
      refreshRecent();
    });
    dialog.open();
  }

  // ---- watching ----------------------------------------------------------------------------

  void watch(UUID bulkId) {
    watching = bulkId;
    watch.setVisible(true);
    refreshProgress();
  }

  void refreshProgress() {
    if (watching == null) {
      return;
    }
    BulkProgress p;
    try {
      p = bulk.progress(watching);
    } catch (NotFoundException | AccessDeniedException e) {
      error.setText(e.getMessage());
      stopPolling();
      return;
    }
    progressBar.setValue(p.total() == 0 ? (p.state().active() ? 0 : 1) : Math.min(1.0, (double) p.handled() / p.total()));
    List<String> parts = new ArrayList<>();
    for (DeliveryStatus s : DeliveryStatus.values()) {
      if (p.count(s) > 0) {
        parts.add(p.count(s) + " " + s.label().toLowerCase(Locale.ROOT));
      }
    }
    String at = p.state() == BulkState.SCHEDULED ? " for " + WHEN.format(p.scheduledFor().atZoneSameInstant(zone())) : "";
    progressText.setText(p.state().label() + at + ": " + p.total() + " messages"
        + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")")
        + (p.cancelledBy() != null && p.state() == BulkState.CANCELLED ? ". Cancelled by " + p.cancelledBy() : ""));
    cancel.setVisible(p.mayCancel());
    allResults = bulk.results(watching);
    showResults();
    if (p.state().active()) {
      startPolling();
    } else {
      stopPolling();
      refreshRecent();
    }
  }

  private void showResults() {
    Optional<DeliveryStatus> only = resultStatus.getValue() == null ? Optional.empty() : resultStatus.getValue();
    results.setItems(only.map(s -> allResults.stream().filter(r -> r.status() == s).toList()).orElse(allResults));
  }

  private void refreshRecent() {
    if (school.getValue() == null) {
      return;
    }
    try {
      recent.setItems(bulk.recent(school.getValue().getId()));
    } catch (AccessDeniedException e) {
      recent.setItems(List.of());
      error.setText(e.getMessage());
    }
  }

  private void startPolling() {
    getUI().ifPresent(ui -> {
      if (polling == null) {
        polling = ui.addPollListener(e -> refreshProgress());
      }
      ui.setPollInterval(1000);
    });
  }

  private void stopPolling() {
    getUI().ifPresent(ui -> ui.setPollInterval(-1));
    if (polling != null) {
      polling.remove();
      polling = null;
    }
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    super.onAttach(attachEvent);
    if (watching != null) {
      refreshProgress();
    }
  }

  @Override
  protected void onDetach(DetachEvent detachEvent) {
    stopPolling();
    detachEvent.getUI().setPollInterval(-1);
    super.onDetach(detachEvent);
  }

  private ZoneId zone() {
    return school.getValue() == null ? ZoneId.of("Europe/London") : school.getValue().zone();
  }
}

package org.schoolgate.attendance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.schoolgate.attendance.application.CodeTable;
import org.schoolgate.attendance.application.GraduatedResponse;
import org.schoolgate.attendance.application.MarkEntry;
import org.schoolgate.attendance.application.MarkRegister;
import org.schoolgate.attendance.application.PupilAttendance;
import org.schoolgate.attendance.domain.AttendanceCode;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.AttendanceTask;
import org.schoolgate.attendance.domain.CohortComparison;
import org.schoolgate.attendance.domain.MarkAmendment;
import org.schoolgate.attendance.domain.MarkSource;
import org.schoolgate.attendance.domain.RecommendedTransition;
import org.schoolgate.attendance.domain.analysis.WeeklyTrend;
import org.schoolgate.attendance.domain.response.Stage;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.directory.domain.YearGroups;
import org.schoolgate.directory.ui.PupilView;
import org.schoolgate.platform.security.StaffOnly;
import org.schoolgate.platform.ui.StaffLayout;
import org.schoolgate.platform.validation.InvalidInputException;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * One pupil's attendance this year for staff: the figures in sessions, days, hours and lessons,
 * the comparison with their year, the weekly trend against 96% and 90%, the session calendar,
 * patterns, the stage and any recommendation to decide, open tasks and every change to a mark.
 */
@Route(value = "staff/pupils/:pupilId/attendance", layout = StaffLayout.class)
@PageTitle("Attendance · Schoolgate")
@StaffOnly
public class PupilAttendanceView extends VerticalLayout implements BeforeEnterObserver {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

  private final PupilAttendance attendance;
  private final GraduatedResponse response;
  private final MarkRegister register;
  private final CodeTable codes;
  private final java.time.Clock clock;
  private UUID pupilId;

  @Inject
  public PupilAttendanceView(
      PupilAttendance attendance, GraduatedResponse response, MarkRegister register, CodeTable codes, java.time.Clock clock) {
    this.attendance = attendance;
    this.response = response;
    this.register = register;
    this.codes = codes;
    this.clock = clock;
    addClassName("sg-page");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    try {
      pupilId = UUID.fromString(event.getRouteParameters().get("pupilId").orElse(""));
      show();
    } catch (IllegalArgumentException | NotFoundException e) {
      event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
    }
  }

  void show() {
    PupilAttendance.Summary s = attendance.summary(pupilId, "Pupil attendance screen");
    Pupil p = s.pupil();
    removeAll();
    RouterLink record = new RouterLink("Pupil record and contacts", PupilView.class, new RouteParameters("pupilId", p.getId().toString()));
    add(new H1(p.displayName() + ": attendance " + s.year().label()), new Paragraph(
        YearGroups.label(p.getYearGroup()) + (p.getGroup() == null ? "" : ", " + p.getGroup().getName()) + " · " + p.getSchool().getName()),
        record);
    s.staff().ifPresent(staff -> add(stage(staff.caseFile())));
    add(figures(s));
    add(new H2("Weekly trend"), TrendChart.of(s.trend()), trendFlags(s));
    add(new H2("Sessions"), new SessionCalendar(s.marks(), s.calendar(), codes.codes(), s.year().start(),
        s.marks().isEmpty() ? s.year().start() : s.marks().get(s.marks().size() - 1).date()));
    add(patterns(s));
    s.staff().ifPresent(staff -> {
      add(new H2("Open tasks"), tasks(staff.tasks()));
      Button correct = new Button("Correct a mark…", e -> correctMark());
      correct.setId("correct-mark");
      add(new H2("Changes to marks"), correct, amendments(staff.amendments()));
    });
  }

  private Div stage(GraduatedResponse.CaseFile file) {
    Div box = new Div();
    box.addClassName("sg-stage");
    box.setId("pupil-stage");
    Span stage = new Span("Stage: " + file.stage().label() + " (" + file.stage().name() + ")");
    stage.getElement().getThemeList().add(file.stage().level() == 0 ? "badge" : "badge error");
    box.add(stage);
    file.leadProfessional().ifPresent(l -> box.add(new Span(" · Lead professional: " + l.fullName())));
    file.pending().ifPresent(rec -> box.add(recommendation(rec)));
    return box;
  }

  private Div recommendation(RecommendedTransition rec) {
    Div box = new Div();
    box.addClassName("sg-recommendation");
    box.setId("stage-recommendation");
    box.add(new Paragraph("Recommended: " + Stage.valueOf(rec.getRecommendedStage()).label() + " at " + rec.getFigures() + "."));
    for (String reason : rec.getReasons().split("\n")) {
      box.add(new Paragraph(reason));
    }
    TextField note = new TextField("Note or reason");
    note.setWidthFull();
    note.setId("recommendation-note");
    Button confirm = new Button("Confirm stage", e -> decide(() -> response.confirm(rec.getId(), note.getValue())));
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    confirm.setId("recommendation-confirm");
    Button decline = new Button("Decline", e -> decide(() -> response.decline(rec.getId(), note.getValue())));
    decline.setId("recommendation-decline");
    box.add(note, new HorizontalLayout(confirm, decline));
    return box;
  }

  private void decide(Runnable action) {
    try {
      action.run();
      Notification.show("Decision recorded in the case chronology");
      show();
    } catch (InvalidInputException | org.schoolgate.platform.validation.AccessDeniedException e) {
      Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
    }
  }

  private Div figures(PupilAttendance.Summary s) {
    AttendanceFigures f = s.figures();
    Div box = new Div();
    box.addClassName("sg-figures");
    box.setId("pupil-figures");
    if (!f.hasSessions()) {
      box.add(new Paragraph("No sessions recorded yet."));
      return box;
    }
    box.add(
        card("Attendance", AttendanceBadges.rate(f), f.attended() + " of " + f.possible() + " sessions"),
        card("Missed", s.missed().days().stripTrailingZeros().toPlainString() + " days",
            s.missed().hours().stripTrailingZeros().toPlainString() + " hours, " + s.missed().lessons() + " lessons ("
                + f.absent() + " sessions)"),
        card("Authorised", AttendanceBadges.rate(f.authorisedRate()), f.authorised() + " sessions"),
        card("Unauthorised", AttendanceBadges.rate(f.unauthorisedRate()), f.unauthorised() + " sessions"),
        card("Late", f.lates() + " before close", f.latesAfterClose() + " after close (U)"));
    Span badge = AttendanceBadges.absenceBadge(f);
    if (!badge.getText().isEmpty()) {
      box.add(badge);
    }
    s.comparisons().withYear().flatMap(CohortComparison::aboutMoreSessions).ifPresent(
        n -> box.add(new Paragraph("About " + n + " more sessions missed than a typical pupil in " + YearGroups.label(s.pupil().getYearGroup())
            + " (" + s.comparisons().withYear().get().othersRate().forStaff() + "% for the rest of the year group).")));
    s.comparisons().withClass().flatMap(CohortComparison::aboutMoreSessions).ifPresent(
        n -> box.add(new Paragraph("About " + n + " more sessions than a typical pupil in the class.")));
    return box;
  }

  private static Div card(String title, String value, String detail) {
    Div card = new Div();
    card.addClassName("sg-figure-card");
    Span t = new Span(title);
    t.addClassName("sg-muted");
    Span v = new Span(value);
    v.addClassName("sg-figure-value");
    card.add(t, v, new Span(detail));
    return card;
  }

  private static Div trendFlags(PupilAttendance.Summary s) {
    Div flags = new Div();
    WeeklyTrend t = s.trend();
    int last = t.weeks().size();
    List<String> notes = new ArrayList<>();
    if (last >= 2 && t.declineOverOneWeek(last)) {
      notes.add("Attendance fell by more than a percentage point last week.");
    }
    if (last >= 3 && t.declineOverTwoWeeks(last)) {
      notes.add("Attendance has fallen two weeks running.");
    }
    if (s.emergingPattern()) {
      notes.add("Emerging pattern: the last 20 sessions are below the school's Facilitate & Formalise threshold.");
    }
    notes.forEach(n -> flags.add(new Paragraph(n)));
    flags.setId("trend-flags");
    return flags;
  }

  private static Div patterns(PupilAttendance.Summary s) {
    Div box = new Div();
    box.add(new H2("Patterns"));
    var b = s.breakdown();
    if (b.total() == 0) {
      box.add(new Paragraph("No absences this year."));
    } else {
      box.add(new Paragraph("By code: " + b.byCode().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
      box.add(new Paragraph("By day: " + b.byWeekday().entrySet().stream()
          .map(e -> e.getKey().getDisplayName(TextStyle.SHORT, Locale.UK) + " " + e.getValue()).collect(Collectors.joining(", "))));
      box.add(new Paragraph("Mornings " + b.bySession().get(Session.AM) + ", afternoons " + b.bySession().get(Session.PM)));
    }
    box.add(new Paragraph("Broken weeks: " + s.brokenWeeks().count() + " of " + s.brokenWeeks().weeksWithSessions() + " school weeks had an absence."));
    s.completeness().flag().ifPresent(flag -> {
      Paragraph gap = new Paragraph(flag);
      gap.setId("register-incomplete");
      box.add(gap);
    });
    return box;
  }

  private static Grid<AttendanceTask> tasks(List<AttendanceTask> tasks) {
    Grid<AttendanceTask> grid = new Grid<>();
    grid.addColumn(t -> DATE.format(t.getDueDate())).setHeader("Due").setAutoWidth(true);
    grid.addColumn(AttendanceTask::getTitle).setHeader("Task").setAutoWidth(true);
    grid.addColumn(AttendanceTask::getDetails).setHeader("Details").setFlexGrow(1);
    grid.addColumn(t -> t.getStatus().name().toLowerCase(Locale.ROOT).replace('_', ' ')).setHeader("Status").setAutoWidth(true);
    grid.setItems(tasks.stream().filter(t -> t.getStatus().isOpen()).toList());
    grid.setAllRowsVisible(true);
    grid.setId("pupil-tasks");
    return grid;
  }

  private static Grid<MarkAmendment> amendments(List<MarkAmendment> amendments) {
    Grid<MarkAmendment> grid = new Grid<>();
    grid.addColumn(a -> DATE.format(a.getSessionDate()) + " " + a.getSession()).setHeader("Session").setAutoWidth(true);
    grid.addColumn(a -> (a.getOriginalCode() == null ? "–" : a.getOriginalCode()) + " → " + a.getNewCode()).setHeader("Change").setAutoWidth(true);
    grid.addColumn(MarkAmendment::getReason).setHeader("Reason").setFlexGrow(1);
    grid.addColumn(a -> a.getAmendedByName() + ", " + a.getAmendedByPosition()).setHeader("By").setAutoWidth(true);
    grid.addColumn(a -> WHEN.format(a.getAmendedAt().atZoneSameInstant(java.time.ZoneId.of("Europe/London")))).setHeader("When").setAutoWidth(true);
    grid.setItems(amendments);
    grid.setAllRowsVisible(true);
    grid.setId("amendments");
    return grid;
  }

  private void correctMark() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Correct a mark");
    DatePicker date = new DatePicker("Date");
    date.setMax(java.time.LocalDate.now(clock));
    date.setId("correct-date");
    date.setValue(java.time.LocalDate.now(clock).with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    Select<Session> session = new Select<>();
    session.setLabel("Session");
    session.setItems(Session.values());
    session.setValue(Session.AM);
    Select<String> code = new Select<>();
    code.setLabel("New code");
    code.setId("correct-code");
    List<AttendanceCode> usable = codes.codes().usableOn(java.time.LocalDate.now(clock));
    code.setItems(usable.stream().map(AttendanceCode::code).toList());
    code.setItemLabelGenerator(c -> usable.stream().filter(x -> x.code().equals(c)).findFirst().map(x -> c + "  " + x.meaning()).orElse(c));
    TextField reason = new TextField("Reason for the change");
    reason.setWidthFull();
    reason.setId("correct-reason");
    Paragraph error = new Paragraph();
    error.addClassName("sg-error");
    Button save = new Button("Save change", e -> {
      try {
        register.record(MarkEntry.code(pupilId, date.getValue(), session.getValue(), code.getValue(), reason.getValue(), MarkSource.OFFICE));
        dialog.close();
        Notification.show("Mark changed and kept in the history");
        show();
      } catch (InvalidInputException ex) {
        error.setText(ex.getMessage());
      }
    });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("correct-save");
    dialog.add(new VerticalLayout(new HorizontalLayout(date, session, code), reason, error));
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.open();
  }
}

package org.schoolgate.directory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.schoolgate.directory.application.SchoolCalendars;
import org.schoolgate.directory.application.Schools;
import org.schoolgate.directory.domain.AcademicTerm;
import org.schoolgate.directory.domain.CalendarClosure;
import org.schoolgate.directory.domain.ClosureKind;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.platform.security.StaffOnly;
import org.schoolgate.platform.ui.StaffLayout;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * The school's calendar: terms, half terms, INSET days, bank holidays and closures, and a check of
 * school-day arithmetic (which day is the 5th school day after this one).
 */
@Route(value = "staff/calendar", layout = StaffLayout.class)
@PageTitle("Calendar · Schoolgate")
@StaffOnly
public class CalendarView extends VerticalLayout {

  final Select<School> school = new Select<>();
  final Grid<AcademicTerm> terms = new Grid<>(AcademicTerm.class, false);
  final Grid<CalendarClosure> closures = new Grid<>(CalendarClosure.class, false);
  final DatePicker checkDate = new DatePicker("From");
  final IntegerField checkDays = new IntegerField("School days after");
  final Paragraph checkAnswer = new Paragraph();
  final Select<ClosureKind> kind = new Select<>();
  final DatePicker first = new DatePicker("First day");
  final DatePicker last = new DatePicker("Last day");
  final TextField description = new TextField("Description");
  final Button addClosure = new Button("Add closure");
  private final VerticalLayout editor = new VerticalLayout();
  private final Schools schools;
  private final SchoolCalendars calendars;

  @Inject
  public CalendarView(Schools schools, SchoolCalendars calendars, Clock clock) {
    this.schools = schools;
    this.calendars = calendars;
    addClassName("sg-page");
    List<School> mine = schools.mySchools();
    school.setLabel("School");
    school.setItems(mine);
    school.setItemLabelGenerator(School::getName);
    school.addValueChangeListener(e -> refresh());

    terms.addColumn(AcademicTerm::getName).setHeader("Term");
    terms.addColumn(AcademicTerm::getStartDate).setHeader("First day");
    terms.addColumn(AcademicTerm::getEndDate).setHeader("Last day");
    terms.setAllRowsVisible(true);
    closures.addColumn(c -> c.getKind().label()).setHeader("Kind");
    closures.addColumn(CalendarClosure::getDescription).setHeader("Description");
    closures.addColumn(CalendarClosure::getFirstDay).setHeader("From");
    closures.addColumn(CalendarClosure::getLastDay).setHeader("To");
    closures.addColumn(c -> c.getSessions() == CalendarClosure.Sessions.BOTH ? "All day" : c.getSessions().name()).setHeader("Sessions");
    closures.addComponentColumn(c -> {
      Button remove = new Button("Remove", e -> remove(c));
      remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
      remove.setVisible(school.getValue() != null && schools.mayChangeSettings(school.getValue().getId()));
      return remove;
    });
    closures.setAllRowsVisible(true);
    closures.setId("closures");

    checkDate.setValue(LocalDate.now(clock));
    checkDays.setValue(5);
    checkDays.setMin(0);
    checkDays.setStepButtonsVisible(true);
    Button check = new Button("Check", e -> check());
    check.setId("check-school-days");
    checkAnswer.setId("school-day-answer");
    HorizontalLayout checker = new HorizontalLayout(checkDate, checkDays, check);
    checker.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    kind.setLabel("Kind");
    kind.setItems(ClosureKind.values());
    kind.setItemLabelGenerator(ClosureKind::label);
    kind.setValue(ClosureKind.INSET);
    addClosure.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    addClosure.addClickListener(e -> add());
    HorizontalLayout form = new HorizontalLayout(kind, first, last, description, addClosure);
    form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    form.setWrap(true);
    editor.setPadding(false);
    editor.add(new H2("Add a closure"), form);

    add(new H1("Calendar"), school, new H2("Terms"), terms, new H2("Days the school does not meet"), closures, editor,
        new H2("School-day check"), new Paragraph("Deadlines count school days only: weekends, holidays, INSET days and closures are skipped."), checker, checkAnswer);
    if (!mine.isEmpty()) {
      school.setValue(mine.get(0));
    }
  }

  private void refresh() {
    School s = school.getValue();
    if (s == null) return;
    terms.setItems(calendars.terms(s.getId()));
    closures.setItems(calendars.closures(s.getId()));
    editor.setVisible(schools.mayChangeSettings(s.getId()));
    checkAnswer.setText("");
  }

  void check() {
    School s = school.getValue();
    if (s == null || checkDate.getValue() == null || checkDays.getValue() == null) return;
    SchoolCalendar cal = calendars.calendarOf(s.getId());
    LocalDate from = checkDate.getValue();
    String answer = StaffHomeView.DAY.format(from) + (cal.isSchoolDay(from) ? " is a school day. " : " is not a school day. ");
    try {
      answer += "School day " + checkDays.getValue() + " after it is " + StaffHomeView.DAY.format(cal.nthSchoolDayAfter(from, checkDays.getValue())) + ".";
    } catch (IllegalStateException | IllegalArgumentException e) {
      answer += e.getMessage();
    }
    checkAnswer.setText(answer);
  }

  private void add() {
    try {
      calendars.addClosure(school.getValue().getId(), kind.getValue(), first.getValue(), last.getValue() == null ? first.getValue() : last.getValue(), CalendarClosure.Sessions.BOTH, description.getValue());
      Notification.show("Closure added", 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      description.clear();
      refresh();
    } catch (InvalidInputException e) {
      Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }

  private void remove(CalendarClosure c) {
    calendars.removeClosure(c.getId());
    refresh();
  }
}

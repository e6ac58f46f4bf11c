package org.schoolgate.attendance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.schoolgate.attendance.application.MarkEntry;
import org.schoolgate.attendance.application.MarkRegister;
import org.schoolgate.attendance.domain.AttendanceCode;
import org.schoolgate.attendance.domain.MarkSource;
import org.schoolgate.directory.application.Schools;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.directory.domain.TeachingGroup;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.StaffOnly;
import org.schoolgate.platform.ui.StaffLayout;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * Take or correct one session's register for a class: a code per pupil, or an arrival time for
 * a late pupil (the school's register close decides L or U), and a reason for any change to a
 * mark already recorded. The whole register is saved at once or not at all.
 */
@Route(value = "staff/register", layout = StaffLayout.class)
@PageTitle("Register · Schoolgate")
@StaffOnly
public class RegisterView extends VerticalLayout {

  /** One pupil's row, as edited. */
  static final class Row {
    final Pupil pupil;
    final String recorded;
    String code;
    LocalTime arrival;
    String reason = "";

    Row(Pupil pupil, String recorded) {
      this.pupil = pupil;
      this.recorded = recorded;
      this.code = recorded;
    }

    boolean changed() {
      return arrival != null || (code != null && !Objects.equals(code, recorded));
    }
  }

  final Select<School> school = new Select<>();
  final Select<TeachingGroup> group = new Select<>();
  final DatePicker date = new DatePicker("Date");
  final Select<Session> session = new Select<>();
  final Grid<Row> grid = new Grid<>();
  final Button allPresent = new Button("Present for everyone unmarked");
  final Button save = new Button("Save register");
  final Paragraph status = new Paragraph();
  private final Schools schools;
  private final MarkRegister register;
  private final CurrentUser currentUser;
  private List<Row> rows = List.of();
  private List<AttendanceCode> codes = List.of();

  @Inject
  public RegisterView(Schools schools, MarkRegister register, CurrentUser currentUser, Clock clock) {
    this.schools = schools;
    this.register = register;
    this.currentUser = currentUser;
    addClassName("sg-page");
    setSizeFull();
    List<School> mine = schools.mySchools();
    school.setLabel("School");
    school.setItems(mine);
    school.setItemLabelGenerator(School::getName);
    group.setLabel("Class");
    group.setItemLabelGenerator(TeachingGroup::getName);
    group.setId("register-group");
    date.setValue(LocalDate.now(clock));
    date.setMax(LocalDate.now(clock));
    date.setId("register-date");
    session.setLabel("Session");
    session.setItems(Session.values());
    session.setItemLabelGenerator(s -> s == Session.AM ? "Morning (AM)" : "Afternoon (PM)");
    session.setValue(LocalTime.now(clock).isBefore(LocalTime.NOON) ? Session.AM : Session.PM);
    session.setId("register-session");
    status.setId("register-status");
    configureGrid();
    allPresent.addClickListener(e -> markUnmarkedPresent());
    allPresent.setId("register-all-present");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(e -> save());
    save.setId("register-save");
    school.addValueChangeListener(e -> groups());
    group.addValueChangeListener(e -> load());
    date.addValueChangeListener(e -> load());
    session.addValueChangeListener(e -> load());
    add(new H1("Register"), new HorizontalLayout(school, group, date, session), status, grid, new HorizontalLayout(allPresent, save));
    if (!mine.isEmpty()) {
      school.setValue(mine.get(0));
    }
  }

  private void configureGrid() {
    grid.addColumn(r -> r.pupil.displayName()).setHeader("Pupil").setAutoWidth(true);
    grid.addColumn(r -> r.recorded == null ? "not marked" : r.recorded).setHeader("Recorded").setAutoWidth(true);
    grid.addColumn(new ComponentRenderer<>(this::codeSelect)).setHeader("Mark").setAutoWidth(true);
    grid.addColumn(new ComponentRenderer<>(this::arrivalPicker)).setHeader("Arrived late at").setAutoWidth(true);
    grid.addColumn(new ComponentRenderer<>(this::reasonField)).setHeader("Reason (needed for a change)").setFlexGrow(1);
    grid.setSizeFull();
    grid.setId("register-grid");
  }

  private Select<String> codeSelect(Row row) {
    Select<String> select = new Select<>();
    select.setItems(codes.stream().map(AttendanceCode::code).toList());
    select.setItemLabelGenerator(
        c -> codes.stream().filter(x -> x.code().equals(c)).findFirst().map(x -> c + "  " + x.meaning()).orElse(c));
    select.setValue(row.code);
    select.setAriaLabel("Mark for " + row.pupil.displayName());
    select.addValueChangeListener(e -> row.code = e.getValue());
    select.addClassName("sg-register-code");
    return select;
  }

  private TimePicker arrivalPicker(Row row) {
    TimePicker picker = new TimePicker();
    picker.setStep(Duration.ofMinutes(1));
    picker.setValue(row.arrival);
    picker.setClearButtonVisible(true);
    picker.setAriaLabel("Arrival time for " + row.pupil.displayName());
    picker.addValueChangeListener(e -> row.arrival = e.getValue());
    return picker;
  }

  private TextField reasonField(Row row) {
    TextField reason = new TextField();
    reason.setWidthFull();
    reason.setValue(row.reason);
    reason.setAriaLabel("Reason for " + row.pupil.displayName());
    reason.addValueChangeListener(e -> row.reason = e.getValue());
    return reason;
  }

  private void groups() {
    School s = school.getValue();
    if (s == null) {
      return;
    }
    boolean wholeSchool = currentUser.requireStaff().seesWholeSchool(s.getId());
    List<TeachingGroup> items =
        schools.groups(s.getId()).stream()
            .filter(g -> wholeSchool || currentUser.requireStaff().groupIds().contains(g.getId()))
            .sorted(Comparator.comparing(TeachingGroup::getYearGroup).thenComparing(TeachingGroup::getName))
            .toList();
    group.setItems(items);
    if (!items.isEmpty()) {
      group.setValue(items.get(0));
    }
  }

  void load() {
    if (group.getValue() == null || date.getValue() == null || session.getValue() == null) {
      rows = List.of();
      grid.setItems(rows);
      return;
    }
    codes = register.codesFor(date.getValue());
    rows =
        new ArrayList<>(
            register.register(group.getValue().getId(), date.getValue(), session.getValue()).stream()
                .map(l -> new Row(l.pupil(), l.mark().map(m -> m.code()).orElse(null)))
                .toList());
    long unmarked = rows.stream().filter(r -> r.recorded == null).count();
    status.setText(rows.size() + " pupils, " + unmarked + " not yet marked");
    grid.setItems(rows);
  }

  private void markUnmarkedPresent() {
    String present = session.getValue() == Session.AM ? "/" : "\\";
    rows.stream().filter(r -> r.recorded == null && r.code == null).forEach(r -> r.code = present);
    grid.getDataProvider().refreshAll();
  }

  void save() {
    List<MarkEntry> entries =
        rows.stream()
            .filter(Row::changed)
            .map(r -> new MarkEntry(
                r.pupil.getId(), date.getValue(), session.getValue(), r.arrival == null ? r.code : null, r.arrival,
                r.reason.isBlank() ? null : r.reason, MarkSource.REGISTER))
            .toList();
    if (entries.isEmpty()) {
      Notification.show("Nothing to save: no marks were changed");
      return;
    }
    try {
      register.recordAll(entries);
      Notification.show(entries.size() + " marks saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      load();
    } catch (InvalidInputException e) {
      Notification n = Notification.show("Nothing was saved. " + e.getMessage(), 8000, Notification.Position.MIDDLE);
      n.addThemeVariants(NotificationVariant.LUMO_ERROR);
      status.setText("Nothing was saved. " + e.getMessage());
    }
  }
}

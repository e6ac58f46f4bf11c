package org.schoolgate.attendance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.schoolgate.attendance.application.AttendanceTasks;
import org.schoolgate.attendance.application.AttendanceTasks.TaskLine;
import org.schoolgate.directory.application.Schools;
import org.schoolgate.directory.domain.School;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.StaffOnly;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.ui.StaffLayout;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * The work the attendance rules raised, for the signed-in member of staff: open tasks by role,
 * soonest due first, overdue ones marked, each closed with what was done.
 */
@Route(value = "staff/tasks", layout = StaffLayout.class)
@PageTitle("Tasks · Schoolgate")
@StaffOnly
public class TaskListView extends VerticalLayout {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

  final Select<School> school = new Select<>();
  final Select<Optional<StaffRole>> role = new Select<>();
  final Paragraph summary = new Paragraph();
  final Grid<TaskLine> grid = new Grid<>();
  private final AttendanceTasks tasks;
  private final CurrentUser currentUser;

  @Inject
  public TaskListView(Schools schools, AttendanceTasks tasks, CurrentUser currentUser) {
    this.tasks = tasks;
    this.currentUser = currentUser;
    addClassName("sg-page");
    setSizeFull();
    List<School> mine = schools.mySchools();
    school.setLabel("School");
    school.setItems(mine);
    school.setItemLabelGenerator(School::getName);
    role.setLabel("For");
    role.setItemLabelGenerator(r -> r.map(StaffRole::label).orElse("All my tasks"));
    role.setId("task-role");
    summary.setId("task-summary");
    configureGrid();
    school.addValueChangeListener(e -> roles());
    role.addValueChangeListener(e -> refresh());
    add(new H1("Tasks"), new HorizontalLayout(school, role), summary, grid);
    if (!mine.isEmpty()) {
      school.setValue(mine.get(0));
    }
  }

  private void configureGrid() {
    grid.addColumn(new ComponentRenderer<>(TaskListView::due)).setHeader("Due").setAutoWidth(true);
    grid.addColumn(l -> l.pupil().displayName()).setHeader("Pupil").setAutoWidth(true);
    grid.addColumn(l -> l.task().getTitle()).setHeader("Task").setAutoWidth(true);
    grid.addColumn(l -> l.task().getDetails()).setHeader("Details").setFlexGrow(1);
    grid.addColumn(l -> l.task().getOwnerRole().label()).setHeader("Owner").setAutoWidth(true);
    grid.addColumn(new ComponentRenderer<>(l -> {
      Button done = new Button("Done…", e -> complete(l));
      done.addThemeVariants(ButtonVariant.LUMO_SMALL);
      Button pupil = new Button("Pupil", e -> getUI().ifPresent(ui -> ui.navigate(
          PupilAttendanceView.class, new RouteParameters("pupilId", l.pupil().getId().toString()))));
      pupil.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      return new HorizontalLayout(done, pupil);
    })).setHeader("").setAutoWidth(true);
    grid.setSizeFull();
    grid.setId("task-grid");
    grid.setClassNameGenerator(l -> l.overdue() ? "sg-overdue" : null);
  }

  private static Span due(TaskLine l) {
    Span due = new Span(DAY.format(l.task().getDueDate()));
    if (l.overdue()) {
      Span overdue = new Span(DAY.format(l.task().getDueDate()) + " · overdue");
      overdue.getElement().getThemeList().add("badge error");
      return overdue;
    }
    if (l.task().isProvisional()) {
      due.setText(due.getText() + " · provisional");
    }
    return due;
  }

  private void roles() {
    School s = school.getValue();
    if (s == null) {
      return;
    }
    List<Optional<StaffRole>> items = new ArrayList<>();
    items.add(Optional.empty());
    currentUser.requireStaff().rolesAt(s.getId()).stream().sorted().forEach(r -> items.add(Optional.of(r)));
    role.setItems(items);
    role.setValue(items.get(0));
  }

  void refresh() {
    School s = school.getValue();
    if (s == null || role.getValue() == null) {
      grid.setItems(List.of());
      return;
    }
    List<TaskLine> lines = tasks.openTasks(s.getId(), role.getValue().map(List::of).orElse(List.of()));
    long overdue = lines.stream().filter(TaskLine::overdue).count();
    summary.setText(lines.size() + " open tasks" + (overdue == 0 ? "" : ", " + overdue + " overdue"));
    grid.setItems(lines);
  }

  private void complete(TaskLine line) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(line.task().getTitle() + ": " + line.pupil().displayName());
    TextArea outcome = new TextArea("What was done");
    outcome.setWidthFull();
    outcome.setId("task-outcome");
    Button save =
        new Button(
            "Close task",
            e -> {
              try {
                tasks.complete(line.task().getId(), outcome.getValue());
                dialog.close();
                Notification.show("Task closed");
                refresh();
              } catch (InvalidInputException ex) {
                outcome.setInvalid(true);
                outcome.setErrorMessage(ex.getMessage());
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("task-close");
    dialog.add(new Paragraph(line.task().getDetails()), outcome);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.open();
    outcome.focus();
  }
}

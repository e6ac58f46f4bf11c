package org.schoolgate.attendance.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.schoolgate.attendance.application.AttendanceSummaries;
import org.schoolgate.attendance.application.AttendanceSummaries.GroupSummary;
import org.schoolgate.attendance.application.AttendanceSummaries.PupilLine;
import org.schoolgate.attendance.domain.Rate;
import org.schoolgate.directory.application.Schools;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.TeachingGroup;
import org.schoolgate.directory.domain.YearGroups;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.StaffOnly;
import org.schoolgate.platform.ui.StaffLayout;

/**
 * A class, a year group or the whole school, lowest attendance first: pooled figures at the top,
 * then every pupil with their rate, absences, lates, PA/SA badge and this week's trend arrow.
 */
@Route(value = "staff/attendance", layout = StaffLayout.class)
@PageTitle("Attendance · Schoolgate")
@StaffOnly
public class AttendanceListView extends VerticalLayout {

  /** What the list covers: the whole school, one year group or one class. */
  record Scope(String label, Integer yearGroup, TeachingGroup group) {}

  final Select<School> school = new Select<>();
  final Select<Scope> scope = new Select<>();
  final Paragraph pooled = new Paragraph();
  final Grid<PupilLine> grid = new Grid<>();
  private final Schools schools;
  private final AttendanceSummaries summaries;
  private final CurrentUser currentUser;

  @Inject
  public AttendanceListView(Schools schools, AttendanceSummaries summaries, CurrentUser currentUser) {
    this.schools = schools;
    this.summaries = summaries;
    this.currentUser = currentUser;
    addClassName("sg-page");
    setSizeFull();
    List<School> mine = schools.mySchools();
    school.setLabel("School");
    school.setItems(mine);
    school.setItemLabelGenerator(School::getName);
    scope.setLabel("Show");
    scope.setItemLabelGenerator(Scope::label);
    scope.setId("attendance-scope");
    pooled.setId("pooled-figures");
    configureGrid();
    school.addValueChangeListener(e -> scopes());
    scope.addValueChangeListener(e -> refresh());
    add(new H1("Attendance"), new HorizontalLayout(school, scope), pooled, grid);
    if (!mine.isEmpty()) {
      school.setValue(mine.get(0));
    }
  }

  private void configureGrid() {
    grid.addColumn(l -> l.pupil().displayName()).setHeader("Pupil").setSortable(true)
        .setComparator(Comparator.comparing(l -> l.pupil().getLegalLastName())).setAutoWidth(true);
    grid.addColumn(l -> YearGroups.label(l.pupil().getYearGroup()) + (l.pupil().getGroup() == null ? "" : " " + l.pupil().getGroup().getName()))
        .setHeader("Class").setAutoWidth(true);
    grid.addColumn(l -> AttendanceBadges.rate(l.figures())).setHeader("Attendance").setSortable(true)
        .setComparator(Comparator.comparing((PupilLine l) -> l.figures().attendanceRate().orElse(null), Comparator.nullsLast(Comparator.<Rate>naturalOrder())))
        .setKey("attendance").setAutoWidth(true);
    grid.addColumn(new ComponentRenderer<>(l -> AttendanceBadges.absenceBadge(l.figures()))).setHeader("PA / SA").setAutoWidth(true)
        .setSortable(true).setComparator(Comparator.comparing((PupilLine l) -> l.severelyAbsent() ? 0 : l.persistentlyAbsent() ? 1 : 2));
    grid.addColumn(new ComponentRenderer<>(l -> AttendanceBadges.trend(l.trend()))).setHeader("Trend").setAutoWidth(true)
        .setSortable(true).setComparator(Comparator.comparing(PupilLine::trend));
    grid.addColumn(l -> l.figures().absent()).setHeader("Sessions missed").setSortable(true)
        .setComparator(Comparator.comparingInt(l -> l.figures().absent())).setAutoWidth(true);
    grid.addColumn(l -> l.figures().unauthorised()).setHeader("Unauthorised").setSortable(true)
        .setComparator(Comparator.comparingInt(l -> l.figures().unauthorised())).setAutoWidth(true);
    grid.addColumn(l -> l.figures().lates() + " / " + l.figures().latesAfterClose()).setHeader("Late (L / U)").setAutoWidth(true);
    grid.addColumn(l -> l.unmarked() == 0 ? "" : l.unmarked() + " unmarked").setHeader("Register").setAutoWidth(true);
    grid.setSizeFull();
    grid.setId("attendance-grid");
    grid.addItemClickListener(
        e -> getUI().ifPresent(ui -> ui.navigate(PupilAttendanceView.class, new RouteParameters("pupilId", e.getItem().pupil().getId().toString()))));
  }

  private void scopes() {
    School s = school.getValue();
    if (s == null) {
      return;
    }
    List<Scope> items = new ArrayList<>();
    boolean wholeSchool = currentUser.requireStaff().seesWholeSchool(s.getId());
    if (wholeSchool) {
      items.add(new Scope("Whole school", null, null));
    }
    List<TeachingGroup> groups = schools.groups(s.getId());
    if (wholeSchool) {
      groups.stream().map(TeachingGroup::getYearGroup).distinct().sorted()
          .forEach(y -> items.add(new Scope(YearGroups.label(y), y, null)));
    }
    groups.stream()
        .filter(g -> wholeSchool || currentUser.requireStaff().groupIds().contains(g.getId()))
        .sorted(Comparator.comparing(TeachingGroup::getYearGroup).thenComparing(TeachingGroup::getName))
        .forEach(g -> items.add(new Scope("Class " + g.getName() + " (" + YearGroups.label(g.getYearGroup()) + ")", null, g)));
    scope.setItems(items);
    if (!items.isEmpty()) {
      scope.setValue(items.get(0));
    }
  }

  void refresh() {
    School s = school.getValue();
    Scope sc = scope.getValue();
    if (s == null || sc == null) {
      grid.setItems(List.of());
      return;
    }
    GroupSummary summary =
        sc.group() != null
            ? summaries.group(sc.group().getId())
            : sc.yearGroup() != null ? summaries.yearGroup(s.getId(), sc.yearGroup()) : summaries.school(s.getId());
    pooled.setText(
        summary.label() + ": " + AttendanceBadges.rate(summary.pooled()) + " attendance ("
            + summary.pooled().attended() + " of " + summary.pooled().possible() + " sessions), "
            + summary.persistentlyAbsentCount() + " persistently absent, " + summary.severelyAbsentCount()
            + " severely absent, " + summary.pupils().size() + " pupils");
    grid.setItems(summary.pupils());
  }
}

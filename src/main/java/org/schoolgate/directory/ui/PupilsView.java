package org.schoolgate.directory.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.util.List;
import org.schoolgate.directory.application.PupilDirectory;
import org.schoolgate.directory.application.Schools;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.YearGroups;
import org.schoolgate.platform.security.StaffOnly;
import org.schoolgate.platform.ui.StaffLayout;

/** Find a pupil by a few letters of their name or their UPN. */
@Route(value = "staff/pupils", layout = StaffLayout.class)
@PageTitle("Pupils · Schoolgate")
@StaffOnly
public class PupilsView extends VerticalLayout {

  final Select<School> school = new Select<>();
  final TextField search = new TextField();
  final Grid<Pupil> grid = new Grid<>(Pupil.class, false);
  private final PupilDirectory directory;

  @Inject
  public PupilsView(Schools schools, PupilDirectory directory) {
    this.directory = directory;
    addClassName("sg-page");
    setSizeFull();
    List<School> mine = schools.mySchools();
    school.setLabel("School");
    school.setItems(mine);
    school.setItemLabelGenerator(School::getName);
    if (!mine.isEmpty()) {
      school.setValue(mine.get(0));
    }
    search.setLabel("Name or UPN");
    search.setPlaceholder("Type a few letters");
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.setClearButtonVisible(true);
    search.setId("pupil-search");
    search.focus();
    school.addValueChangeListener(e -> refresh());
    search.addValueChangeListener(e -> refresh());
    configureGrid();
    add(new H1("Pupils"), new HorizontalLayout(school, search), grid);
    refresh();
  }

  private void configureGrid() {
    grid.addColumn(Pupil::displayName).setHeader("Name").setAutoWidth(true);
    grid.addColumn(p -> YearGroups.label(p.getYearGroup())).setHeader("Year").setAutoWidth(true);
    grid.addColumn(p -> p.getGroup() == null ? "" : p.getGroup().getName()).setHeader("Class / tutor group").setAutoWidth(true);
    grid.addColumn(Pupil::getUpn).setHeader("UPN").setAutoWidth(true);
    grid.addColumn(p -> p.isVulnerable() ? "Vulnerable" : "").setHeader("Flags").setAutoWidth(true);
    grid.setSizeFull();
    grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PupilView.class, new com.vaadin.flow.router.RouteParameters("pupilId", e.getItem().getId().toString()))));
  }

  void refresh() {
    School s = school.getValue();
    grid.setItems(s == null ? List.of() : directory.search(s.getId(), search.getValue(), 200));
  }
}

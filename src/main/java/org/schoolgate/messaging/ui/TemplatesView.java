package org.schoolgate.messaging.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.schoolgate.directory.application.Schools;
import org.schoolgate.directory.domain.School;
import org.schoolgate.messaging.application.SchoolTemplates;
import org.schoolgate.messaging.application.SchoolTemplates.Standing;
import org.schoolgate.messaging.template.MessageTemplate;
import org.schoolgate.platform.security.StaffOnly;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.ui.StaffLayout;

/**
 * Every message Schoolgate can send for a school, with whether the school uses its own signed-off
 * wording and which versions wait for sign-off; each opens in the template editor.
 */
@Route(value = "staff/templates", layout = StaffLayout.class)
@PageTitle("Templates · Schoolgate")
@StaffOnly({StaffRole.ATTENDANCE_OFFICER, StaffRole.PASTORAL_LEAD, StaffRole.OFFICE, StaffRole.HEADTEACHER, StaffRole.ADMINISTRATOR})
public class TemplatesView extends VerticalLayout {

  /** One line of the list: the template and where the school's copy stands. */
  record Line(MessageTemplate template, Standing standing) {}

  final Select<School> school = new Select<>();
  final Paragraph summary = new Paragraph();
  final Grid<Line> grid = new Grid<>();
  private final SchoolTemplates templates;

  @Inject
  public TemplatesView(Schools schools, SchoolTemplates templates) {
    this.templates = templates;
    addClassName("sg-page");
    setSizeFull();
    List<School> mine = schools.mySchools().stream().filter(s -> templates.mayEdit(s.getId())).toList();
    school.setLabel("School");
    school.setId("templates-school");
    school.setItems(mine);
    school.setItemLabelGenerator(School::getName);
    summary.setId("templates-summary");
    configureGrid();
    school.addValueChangeListener(e -> refresh());
    add(new H1("Templates"),
        new Paragraph("The wording of every message to families. A school's own wording is used only after the headteacher"
            + " or an administrator signs it off."),
        school, summary, grid);
    if (!mine.isEmpty()) {
      school.setValue(mine.get(0));
    } else {
      summary.setText("You do not hold a role that changes templates at any school.");
    }
  }

  private void configureGrid() {
    grid.setId("templates-grid");
    grid.setSizeFull();
    grid.addColumn(l -> l.template().title()).setHeader("Message").setFlexGrow(1).setSortable(true);
    grid.addColumn(l -> category(l.template().category())).setHeader("Category").setAutoWidth(true).setSortable(true);
    grid.addColumn(l -> channels(l.template())).setHeader("Sent as").setAutoWidth(true);
    grid.addColumn(new ComponentRenderer<>(TemplatesView::wording)).setHeader("Wording in use").setAutoWidth(true);
    grid.addColumn(l -> awaiting(l.standing())).setHeader("Awaiting sign-off").setAutoWidth(true);
    grid.addColumn(new ComponentRenderer<>(l -> {
      Button open = new Button("Open", e -> open(l.template().id()));
      open.setId("template-open-" + l.template().id());
      open.addThemeVariants(ButtonVariant.LUMO_SMALL);
      return open;
    })).setAutoWidth(true).setFlexGrow(0);
    grid.addItemDoubleClickListener(e -> open(e.getItem().template().id()));
  }

  void refresh() {
    if (school.getValue() == null) {
      grid.setItems(List.of());
      return;
    }
    Map<String, Standing> standing = templates.standing(school.getValue().getId());
    List<Line> lines =
        templates.all().stream().map(t -> new Line(t, standing.getOrDefault(t.id(), new Standing(0, List.of())))).toList();
    long own = lines.stream().filter(l -> l.standing().ownWording()).count();
    long waiting = lines.stream().filter(l -> !l.standing().awaitingSignOff().isEmpty()).count();
    summary.setText(lines.size() + " messages; the school uses its own wording for " + own + ", " + waiting + " awaiting sign-off");
    grid.setItems(lines);
  }

  private void open(String templateId) {
    getUI().ifPresent(ui -> ui.navigate("staff/templates/" + templateId,
        QueryParameters.of("school", school.getValue().getId().toString())));
  }

  private static Span wording(Line l) {
    if (!l.standing().ownWording()) {
      return new Span("Schoolgate's");
    }
    Span own = new Span("School's own, version " + l.standing().inUseVersion());
    own.getElement().getThemeList().add("badge success");
    return own;
  }

  static String awaiting(Standing standing) {
    List<Integer> versions = standing.awaitingSignOff();
    if (versions.isEmpty()) {
      return "";
    }
    return (versions.size() == 1 ? "Version " : "Versions ") + versions.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  static String channels(MessageTemplate template) {
    return template.channels().stream()
        .map(c -> switch (c) {
          case "sms" -> "Text";
          case "email" -> "Email";
          case "letter" -> "Letter";
          default -> c;
        })
        .collect(Collectors.joining(", "));
  }

  /** "graduated-response" → "Graduated response". */
  static String category(String category) {
    String words = category.replace('-', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}

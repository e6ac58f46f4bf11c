package org.schoolgate.directory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.schoolgate.directory.application.Schools;
import org.schoolgate.directory.domain.RegisterTimes;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.StageModel;
import org.schoolgate.directory.domain.StageThresholds;
import org.schoolgate.directory.domain.ThresholdComparator;
import org.schoolgate.platform.security.StaffOnly;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.ui.StaffLayout;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * A school's register times, session lengths and graduated-response thresholds, for the
 * administrator and the headteacher. A register may not stay open more than 30 minutes.
 */
@Route(value = "staff/settings", layout = StaffLayout.class)
@PageTitle("School settings · Schoolgate")
@StaffOnly({StaffRole.ADMINISTRATOR, StaffRole.HEADTEACHER})
public class SchoolSettingsView extends VerticalLayout {

  final Select<School> school = new Select<>();
  final TimePicker amOpen = new TimePicker("Morning register opens");
  final TimePicker amClose = new TimePicker("Morning register closes");
  final TimePicker amEnd = new TimePicker("Morning session ends");
  final TimePicker pmOpen = new TimePicker("Afternoon register opens");
  final TimePicker pmEnd = new TimePicker("Afternoon session ends");
  final Button saveRegister = new Button("Save register times");
  final BigDecimalField amHours = new BigDecimalField("Morning learning hours");
  final BigDecimalField pmHours = new BigDecimalField("Afternoon learning hours");
  final IntegerField amLessons = new IntegerField("Morning lessons");
  final IntegerField pmLessons = new IntegerField("Afternoon lessons");
  final Button saveSessions = new Button("Save session lengths");
  final Select<StageModel> model = new Select<>();
  final BigDecimalField listen = new BigDecimalField("Listen & Understand below (%)");
  final Select<ThresholdComparator> listenCmp = comparator();
  final BigDecimalField facilitate = new BigDecimalField("Facilitate & Formalise (%)");
  final Select<ThresholdComparator> facilitateCmp = comparator();
  final BigDecimalField enforce = new BigDecimalField("Formalise & Enforce (%)");
  final Select<ThresholdComparator> enforceCmp = comparator();
  final Button saveThresholds = new Button("Save thresholds");
  final VerticalLayout warnings = new VerticalLayout();
  private final Schools schools;

  @Inject
  public SchoolSettingsView(Schools schools) {
    this.schools = schools;
    addClassName("sg-page");
    List<School> editable = schools.mySchools().stream().filter(s -> schools.mayChangeSettings(s.getId())).toList();
    school.setLabel("School");
    school.setItems(editable);
    school.setItemLabelGenerator(School::getName);
    school.addValueChangeListener(e -> load(e.getValue()));
    amClose.setHelperText("At most 30 minutes after it opens; the afternoon register closes the same time after opening");
    amClose.setId("am-close");
    amOpen.setId("am-open");
    saveRegister.setId("save-register");
    for (Button b : List.of(saveRegister, saveSessions, saveThresholds)) {
      b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    }
    model.setLabel("Graduated-response model");
    model.setItems(StageModel.values());
    model.setItemLabelGenerator(m -> m == StageModel.FOUR_STAGE ? "Four stages (Listen, Facilitate, Enforce)" : "Twin track");
    saveRegister.addClickListener(e -> saveRegisterTimes());
    saveSessions.addClickListener(e -> saveSessionLengths());
    saveThresholds.addClickListener(e -> saveStageThresholds());
    warnings.setPadding(false);
    warnings.setId("threshold-warnings");

    add(new H1("School settings"), school);
    add(new H2("Registers"), new FormLayout(amOpen, amClose, amEnd, pmOpen, pmEnd), saveRegister);
    add(new H2("Sessions"), new Paragraph("Used to tell families how many hours and lessons were missed."), new FormLayout(amHours, pmHours, amLessons, pmLessons), saveSessions);
    add(new H2("Graduated response"), new FormLayout(model, listen, listenCmp, facilitate, facilitateCmp, enforce, enforceCmp), warnings, saveThresholds);
    if (!editable.isEmpty()) {
      school.setValue(editable.get(0));
    }
  }

  private static Select<ThresholdComparator> comparator() {
    Select<ThresholdComparator> s = new Select<>();
    s.setLabel("Comparator");
    s.setItems(ThresholdComparator.values());
    s.setItemLabelGenerator(c -> c == ThresholdComparator.BELOW ? "< (below)" : "<= (at or below)");
    return s;
  }

  private void load(School s) {
    if (s == null) return;
    RegisterTimes t = s.registerTimes();
    amOpen.setValue(t.amOpen());
    amClose.setValue(t.amClose());
    amEnd.setValue(t.amEnd());
    pmOpen.setValue(t.pmOpen());
    pmEnd.setValue(t.pmEnd());
    amHours.setValue(s.getAmSessionHours());
    pmHours.setValue(s.getPmSessionHours());
    amLessons.setValue(s.getAmLessons());
    pmLessons.setValue(s.getPmLessons());
    StageThresholds th = s.stageThresholds();
    model.setValue(s.getStageModel());
    listen.setValue(th.listen());
    listenCmp.setValue(th.listenComparator());
    facilitate.setValue(th.facilitate());
    facilitateCmp.setValue(th.facilitateComparator());
    enforce.setValue(th.enforce());
    enforceCmp.setValue(th.enforceComparator());
    showWarnings(th.warnings());
  }

  void saveRegisterTimes() {
    amClose.setInvalid(false);
    try {
      if (amOpen.getValue() == null || amClose.getValue() == null) {
        throw new InvalidInputException("closeAfterMinutes", "Give both the opening and closing time");
      }
      long minutes = Duration.between(amOpen.getValue(), amClose.getValue()).toMinutes();
      RegisterTimes times = new RegisterTimes(amOpen.getValue(), pmOpen.getValue(), (int) minutes, amEnd.getValue(), pmEnd.getValue());
      schools.changeRegisterTimes(school.getValue().getId(), times);
      saved("Register times saved");
    } catch (InvalidInputException e) {
      amClose.setErrorMessage(e.getMessage());
      amClose.setInvalid(true);
      failed(e.getMessage());
    }
  }

  void saveSessionLengths() {
    try {
      schools.changeSessionLengths(school.getValue().getId(), amHours.getValue(), pmHours.getValue(),
          amLessons.getValue() == null ? -1 : amLessons.getValue(), pmLessons.getValue() == null ? -1 : pmLessons.getValue());
      saved("Session lengths saved");
    } catch (InvalidInputException e) {
      failed(e.getMessage());
    }
  }

  void saveStageThresholds() {
    try {
      StageThresholds th = new StageThresholds(listen.getValue(), listenCmp.getValue(), facilitate.getValue(), facilitateCmp.getValue(), enforce.getValue(), enforceCmp.getValue());
      School s = schools.changeStageThresholds(school.getValue().getId(), model.getValue(), th);
      showWarnings(s.stageThresholds().warnings());
      saved("Thresholds saved");
    } catch (InvalidInputException e) {
      failed(e.getMessage());
    }
  }

  private void showWarnings(List<String> list) {
    warnings.removeAll();
    list.forEach(w -> {
      Paragraph p = new Paragraph("Warning: " + w);
      p.getStyle().set("color", "var(--lumo-error-text-color)");
      warnings.add(p);
    });
  }

  private static void saved(String text) {
    Notification.show(text, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
  }

  private static void failed(String text) {
    Notification n = Notification.show(text, 6000, Notification.Position.MIDDLE);
    n.addThemeVariants(NotificationVariant.LUMO_ERROR);
  }
}

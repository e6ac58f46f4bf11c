package org.schoolgate.directory.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.schoolgate.directory.application.PupilDirectory;
import org.schoolgate.directory.domain.Guardian;
import org.schoolgate.directory.domain.PhoneNumber;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.PupilGuardian;
import org.schoolgate.directory.domain.YearGroups;
import org.schoolgate.platform.security.StaffOnly;
import org.schoolgate.platform.ui.StaffLayout;
import org.schoolgate.platform.validation.NotFoundException;

/** One pupil's record with their guardians in the order the office should ring them. */
@Route(value = "staff/pupils/:pupilId", layout = StaffLayout.class)
@PageTitle("Pupil · Schoolgate")
@StaffOnly
public class PupilView extends VerticalLayout implements BeforeEnterObserver {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  private final PupilDirectory directory;

  @Inject
  public PupilView(PupilDirectory directory) {
    this.directory = directory;
    addClassName("sg-page");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    UUID id;
    try {
      id = UUID.fromString(event.getRouteParameters().get("pupilId").orElse(""));
    } catch (IllegalArgumentException e) {
      event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
      return;
    }
    try {
      Pupil pupil = directory.pupil(id, "Pupil record screen");
      show(pupil, directory.guardiansOf(id, "Pupil record screen"));
    } catch (NotFoundException e) {
      event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
    }
  }

  private void show(Pupil p, List<PupilGuardian> guardians) {
    removeAll();
    add(new H1(p.displayName()));
    List<String> facts = new ArrayList<>();
    facts.add(p.getSchool().getName());
    facts.add(YearGroups.label(p.getYearGroup()) + (p.getGroup() == null ? "" : ", " + p.getGroup().getName()));
    facts.add("Legal name " + p.legalFullName());
    facts.add("Born " + DATE.format(p.getDateOfBirth()));
    facts.add("UPN " + p.getUpn());
    facts.add("On roll from " + DATE.format(p.getOnRollFrom()) + (p.getOnRollTo() == null ? "" : " to " + DATE.format(p.getOnRollTo())));
    add(new Paragraph(String.join(" · ", facts)));
    com.vaadin.flow.component.html.Anchor attendance =
        new com.vaadin.flow.component.html.Anchor("staff/pupils/" + p.getId() + "/attendance", "Attendance this year");
    attendance.setId("pupil-attendance-link");
    com.vaadin.flow.component.html.Anchor message =
        new com.vaadin.flow.component.html.Anchor("staff/pupils/" + p.getId() + "/message", "Send a message to the family");
    message.setId("pupil-message-link");
    com.vaadin.flow.component.html.Anchor log =
        new com.vaadin.flow.component.html.Anchor("staff/pupils/" + p.getId() + "/log", "Communication log");
    log.setId("pupil-log-link");
    com.vaadin.flow.component.orderedlayout.HorizontalLayout links =
        new com.vaadin.flow.component.orderedlayout.HorizontalLayout(attendance, message, log);
    add(links);
    List<String> flags = new ArrayList<>();
    if (p.getSenStatus() != org.schoolgate.directory.domain.SenStatus.NONE) flags.add(p.getSenStatus() == org.schoolgate.directory.domain.SenStatus.EHCP ? "EHCP" : "SEN support");
    if (p.isPupilPremium()) flags.add("Pupil premium");
    if (p.isEal()) flags.add("EAL");
    if (p.isLookedAfter()) flags.add("Looked after");
    if (p.hasSocialWorker()) flags.add("Social worker");
    if (p.isChildInNeed()) flags.add("Child in need");
    if (p.isChildProtection()) flags.add("Child protection");
    if (p.isOnVulnerableList()) flags.add("Vulnerable list");
    if (p.isDualRegistered()) flags.add("Dual registered");
    if (p.isMedicalEvidenceRequired()) flags.add("Medical evidence required: " + p.getMedicalEvidenceReason());
    if (!flags.isEmpty()) {
      Span f = new Span(String.join(" · ", flags));
      if (p.isVulnerable()) f.addClassName("sg-flag-vulnerable");
      f.setId("pupil-flags");
      add(f);
    }
    add(new H2("Contacts, in the order to ring"));
    Grid<PupilGuardian> grid = new Grid<>(PupilGuardian.class, false);
    grid.addColumn(PupilGuardian::getContactPriority).setHeader("#").setAutoWidth(true);
    grid.addColumn(l -> l.getGuardian().fullName()).setHeader("Name").setAutoWidth(true);
    grid.addColumn(PupilGuardian::getRelationship).setHeader("Relationship").setAutoWidth(true);
    grid.addColumn(l -> l.getGuardian().mobile().map(PhoneNumber::display).orElse("")).setHeader("Mobile").setAutoWidth(true);
    grid.addColumn(l -> l.getGuardian().landline().map(PhoneNumber::display).orElse("")).setHeader("Landline").setAutoWidth(true);
    grid.addColumn(l -> l.getGuardian().email().map(Object::toString).orElse("")).setHeader("Email").setAutoWidth(true);
    grid.addColumn(l -> describe(l)).setHeader("Notes").setAutoWidth(true);
    grid.addColumn(new com.vaadin.flow.data.renderer.ComponentRenderer<>(l ->
        new com.vaadin.flow.component.html.Anchor("staff/families/" + l.getGuardian().getId() + "/log", "Family log")))
        .setHeader("").setAutoWidth(true);
    grid.setItems(guardians);
    grid.setAllRowsVisible(true);
    grid.setId("guardians");
    add(grid);
    Div note = new Div(new Span("Opening this record is written to the access audit."));
    note.addClassName("sg-muted");
    add(note);
  }

  private static String describe(PupilGuardian l) {
    Guardian g = l.getGuardian();
    List<String> parts = new ArrayList<>();
    parts.add(l.hasParentalResponsibility() ? "Parental responsibility" : "No parental responsibility");
    parts.add(l.livesWithPupil() ? "lives with pupil" : "lives elsewhere");
    if (l.isFlaggedForCorrespondence()) parts.add("letters go here");
    parts.add("prefers " + g.getPreferredChannel().name().toLowerCase(Locale.ROOT) + " in " + g.language().nativeName());
    if (g.isSmsOptOut()) parts.add("opted out of SMS");
    if (l.isNoContact()) parts.add("NO CONTACT: " + l.getNoContactReason());
    return String.join(", ", parts);
  }
}

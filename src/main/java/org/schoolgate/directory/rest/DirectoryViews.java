package org.schoolgate.directory.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.schoolgate.directory.domain.AcademicTerm;
import org.schoolgate.directory.domain.CalendarClosure;
import org.schoolgate.directory.domain.Guardian;
import org.schoolgate.directory.domain.PhoneNumber;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.PupilGuardian;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.YearGroups;

/** The JSON shapes of the directory API, built from entities at the boundary. */
public final class DirectoryViews {
  private DirectoryViews() {}

  public record SchoolView(
      UUID id,
      String urn,
      String name,
      String phase,
      String timeZone,
      LocalTime amRegisterOpen,
      LocalTime amRegisterClose,
      LocalTime pmRegisterOpen,
      LocalTime pmRegisterClose,
      int registerCloseAfterMinutes,
      BigDecimal amSessionHours,
      BigDecimal pmSessionHours,
      int amLessons,
      int pmLessons,
      String stageModel,
      String listenThreshold,
      String facilitateThreshold,
      String enforceThreshold,
      List<String> thresholdWarnings) {
    static SchoolView of(School s) {
      var t = s.registerTimes();
      var th = s.stageThresholds();
      return new SchoolView(
          s.getId(), s.getUrn(), s.getName(), s.getPhase().name(), s.zone().getId(),
          t.amOpen(), t.amClose(), t.pmOpen(), t.pmClose(), t.closeAfterMinutes(),
          s.getAmSessionHours(), s.getPmSessionHours(), s.getAmLessons(), s.getPmLessons(),
          s.getStageModel().name(),
          th.listenComparator().symbol() + " " + th.listen().toPlainString(),
          th.facilitateComparator().symbol() + " " + th.facilitate().toPlainString(),
          th.enforceComparator().symbol() + " " + th.enforce().toPlainString(),
          th.warnings());
    }
  }

  public record TermView(String name, LocalDate start, LocalDate end) {
    static TermView of(AcademicTerm t) {
      return new TermView(t.getName(), t.getStartDate(), t.getEndDate());
    }
  }

  public record ClosureView(UUID id, String kind, LocalDate firstDay, LocalDate lastDay, String sessions, String description) {
    static ClosureView of(CalendarClosure c) {
      return new ClosureView(c.getId(), c.getKind().name(), c.getFirstDay(), c.getLastDay(), c.getSessions().name(), c.getDescription());
    }
  }

  public record CalendarView(List<TermView> terms, List<ClosureView> closures) {}

  public record SchoolDayAnswer(LocalDate date, boolean schoolDay, int after, LocalDate nthSchoolDayAfter) {}

  public record PupilView(
      UUID id,
      UUID schoolId,
      String schoolName,
      String upn,
      String legalFirstName,
      String legalLastName,
      String preferredFirstName,
      LocalDate dateOfBirth,
      int yearGroup,
      String yearGroupLabel,
      String group,
      String senStatus,
      boolean pupilPremium,
      boolean eal,
      boolean vulnerable,
      LocalDate onRollFrom,
      LocalDate onRollTo) {
    /** The view for staff: everything staff may see on the record. */
    static PupilView forStaff(Pupil p) {
      return new PupilView(
          p.getId(), p.getSchool().getId(), p.getSchool().getName(), p.getUpn(), p.getLegalFirstName(), p.getLegalLastName(),
          p.preferredFirstName(), p.getDateOfBirth(), p.getYearGroup(), YearGroups.label(p.getYearGroup()),
          p.getGroup() == null ? null : p.getGroup().getName(), p.getSenStatus().name(), p.isPupilPremium(), p.isEal(),
          p.isVulnerable(), p.getOnRollFrom(), p.getOnRollTo());
    }

    /** The view for parents: no UPN, no needs or safeguarding flags. */
    static PupilView forParent(Pupil p) {
      return new PupilView(
          p.getId(), p.getSchool().getId(), p.getSchool().getName(), null, p.getLegalFirstName(), p.getLegalLastName(),
          p.preferredFirstName(), p.getDateOfBirth(), p.getYearGroup(), YearGroups.label(p.getYearGroup()),
          p.getGroup() == null ? null : p.getGroup().getName(), null, false, false, false, p.getOnRollFrom(), p.getOnRollTo());
    }
  }

  public record GuardianView(
      UUID id,
      String name,
      String relationship,
      boolean parentalResponsibility,
      boolean livesWithPupil,
      int contactPriority,
      boolean flaggedForCorrespondence,
      boolean noContact,
      String mobile,
      String landline,
      String email,
      String preferredLanguage,
      String preferredChannel) {
    static GuardianView of(PupilGuardian link) {
      Guardian g = link.getGuardian();
      return new GuardianView(
          g.getId(), g.fullName(), link.getRelationship(), link.hasParentalResponsibility(), link.livesWithPupil(),
          link.getContactPriority(), link.isFlaggedForCorrespondence(), link.isNoContact(),
          g.mobile().map(PhoneNumber::display).orElse(null), g.landline().map(PhoneNumber::display).orElse(null),
          g.email().map(Object::toString).orElse(null), g.language().code(), g.getPreferredChannel().name());
    }
  }
}

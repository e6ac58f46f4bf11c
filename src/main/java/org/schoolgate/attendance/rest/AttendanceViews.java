package org.schoolgate.attendance.rest;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.schoolgate.attendance.application.AttendanceSummaries;
import org.schoolgate.attendance.application.AttendanceTasks;
import org.schoolgate.attendance.application.MarkRegister;
import org.schoolgate.attendance.application.StoredMark;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.AttendanceTask;
import org.schoolgate.attendance.domain.MarkAmendment;
import org.schoolgate.attendance.domain.Rate;
import org.schoolgate.directory.domain.Pupil;

/** The JSON shapes of the attendance API. */
public final class AttendanceViews {
  private AttendanceViews() {}

  /**
   * Statutory figures. Rates are percentages for staff (two decimals, rounded); parents' screens
   * show {@code attendanceForParents} (one decimal, truncated). Rates are null with no sessions.
   */
  public record FiguresView(
      int possible,
      int attended,
      int authorised,
      int unauthorised,
      int absent,
      int lates,
      int latesAfterClose,
      String attendanceRate,
      String authorisedRate,
      String unauthorisedRate,
      String absenceRate,
      String attendanceForParents,
      boolean persistentlyAbsent,
      boolean severelyAbsent) {
    static FiguresView of(AttendanceFigures f) {
      return new FiguresView(
          f.possible(), f.attended(), f.authorised(), f.unauthorised(), f.absent(), f.lates(), f.latesAfterClose(),
          f.attendanceRate().map(Rate::forStaff).orElse(null),
          f.authorisedRate().map(Rate::forStaff).orElse(null),
          f.unauthorisedRate().map(Rate::forStaff).orElse(null),
          f.absenceRate().map(Rate::forStaff).orElse(null),
          f.attendanceRate().map(Rate::forParents).orElse(null),
          f.persistentlyAbsent(), f.severelyAbsent());
    }
  }

  public record PupilLineView(
      UUID pupilId, String name, int yearGroup, String group, FiguresView figures, int unmarkedSessions, String trend) {
    static PupilLineView of(AttendanceSummaries.PupilLine l) {
      Pupil p = l.pupil();
      return new PupilLineView(
          p.getId(), p.displayName(), p.getYearGroup(), p.getGroup() == null ? null : p.getGroup().getName(),
          FiguresView.of(l.figures()), l.unmarked(), l.trend().name());
    }
  }

  public record GroupSummaryView(
      String label, FiguresView pooled, String trend, long persistentlyAbsent, long severelyAbsent, List<PupilLineView> pupils) {
    static GroupSummaryView of(AttendanceSummaries.GroupSummary s) {
      return new GroupSummaryView(
          s.label(), FiguresView.of(s.pooled()), s.trend().name(), s.persistentlyAbsentCount(), s.severelyAbsentCount(),
          s.pupils().stream().map(PupilLineView::of).toList());
    }
  }

  public record TaskView(
      UUID id,
      UUID pupilId,
      String pupilName,
      String kind,
      String rule,
      String title,
      String details,
      LocalDate sessionDate,
      LocalDate dueDate,
      boolean overdue,
      boolean provisional,
      String ownerRole,
      String status,
      String outcome,
      OffsetDateTime completedAt) {
    static TaskView of(AttendanceTask t, String pupilName, boolean overdue) {
      return new TaskView(
          t.getId(), t.getPupilId(), pupilName, t.getKind(), t.getRuleId(), t.getTitle(), t.getDetails(), t.getSessionDate(),
          t.getDueDate(), overdue, t.isProvisional(), t.getOwnerRole().name(), t.getStatus().name(), t.getOutcome(),
          t.getCompletedAt());
    }

    static TaskView of(AttendanceTasks.TaskLine l) {
      return of(l.task(), l.pupil().displayName(), l.overdue());
    }
  }

  public record MarkView(
      LocalDate date, String session, String code, Integer minutesLate, LocalTime arrivalTime, String reason, String source) {
    static MarkView of(StoredMark m) {
      return new MarkView(
          m.date(), m.session().name(), m.code(), m.minutesLate(), m.arrivalTime(), m.reason(), m.source().name());
    }
  }

  public record RecordedView(MarkView mark, String previousCode, boolean amended) {
    static RecordedView of(MarkRegister.Recorded r) {
      return new RecordedView(MarkView.of(r.mark()), r.previousCode(), r.amended());
    }
  }

  public record AmendmentView(
      LocalDate date, String session, String originalCode, String newCode, String reason, String by, String position,
      OffsetDateTime at, String source) {
    static AmendmentView of(MarkAmendment a) {
      return new AmendmentView(
          a.getSessionDate(), a.getSession().name(), a.getOriginalCode(), a.getNewCode(), a.getReason(),
          a.getAmendedByName(), a.getAmendedByPosition(), a.getAmendedAt(), a.getSource().name());
    }
  }

  /** A mark to record through the API. */
  public record MarkRequest(String code, LocalTime arrivalTime, String reason) {}

  /** What was done, to close a task. */
  public record OutcomeRequest(String outcome) {}
}

package org.schoolgate.attendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.schoolgate.attendance.domain.AcademicYear;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.AttendanceTask;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.attendance.domain.MarkAmendment;
import org.schoolgate.attendance.domain.MissedLearning;
import org.schoolgate.attendance.domain.SessionLengths;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.attendance.domain.analysis.AbsenceBreakdown;
import org.schoolgate.attendance.domain.analysis.BrokenWeeks;
import org.schoolgate.attendance.domain.analysis.RegisterCompleteness;
import org.schoolgate.attendance.domain.analysis.WeeklyTrend;
import org.schoolgate.directory.application.PupilDirectory;
import org.schoolgate.directory.application.SchoolCalendars;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;

/**
 * Everything about one pupil's attendance this school year, computed from their marks by the
 * rules themselves: figures, days, hours and lessons missed, the comparison with their year and
 * class, the weekly trend, broken weeks, patterns and register gaps; for staff also the stage,
 * tasks and amendment history. Parents get the figures only (their screens come with the portal).
 */
@ApplicationScoped
@Transactional
public class PupilAttendance {

  private CurrentUser currentUser;
  private PupilDirectory directory;
  private SchoolCalendars calendars;
  private AttendanceSummaries summaries;
  private GraduatedResponse response;
  private AttendanceTasks tasks;
  private MarkRegister register;
  private CodeTable codes;
  private Clock clock;
  private MarkStore marks;

  protected PupilAttendance() {}

  @Inject
  public PupilAttendance(
      CurrentUser currentUser,
      PupilDirectory directory,
      SchoolCalendars calendars,
      AttendanceSummaries summaries,
      GraduatedResponse response,
      AttendanceTasks tasks,
      MarkRegister register,
      CodeTable codes,
      Clock clock,
      DataSource dataSource) {
    this.currentUser = currentUser;
    this.directory = directory;
    this.calendars = calendars;
    this.summaries = summaries;
    this.response = response;
    this.tasks = tasks;
    this.register = register;
    this.codes = codes;
    this.clock = clock;
    this.marks = new MarkStore(dataSource);
  }

  /** Staff-only parts of the summary. */
  public record StaffPart(GraduatedResponse.CaseFile caseFile, List<AttendanceTask> tasks, List<MarkAmendment> amendments) {}

  public record Summary(
      Pupil pupil,
      AcademicYear year,
      SchoolCalendar calendar,
      List<StoredMark> marks,
      AttendanceFigures figures,
      MissedLearning missed,
      AttendanceSummaries.Comparisons comparisons,
      WeeklyTrend trend,
      BrokenWeeks brokenWeeks,
      AbsenceBreakdown breakdown,
      RegisterCompleteness completeness,
      boolean emergingPattern,
      Optional<StaffPart> staff) {}

  public Summary summary(java.util.UUID pupilId, String resource) {
    SignedInUser user = currentUser.require();
    Pupil pupil = directory.pupil(pupilId, resource);
    CodeBook book = codes.codes();
    LocalDateTime now = LocalDateTime.now(clock.withZone(pupil.getSchool().zone()));
    AcademicYear year = AcademicYear.containing(now.toLocalDate());
    SchoolCalendar calendar = calendars.calendarOf(pupil.getSchool().getId());
    List<StoredMark> stored = marks.marksOf(pupilId, year.start(), now.toLocalDate());
    List<SessionMark> sessionMarks = stored.stream().map(m -> m.toSessionMark(book)).toList();
    AttendanceFigures figures = AttendanceFigures.of(sessionMarks);
    Optional<StaffPart> staff =
        user.isStaff()
            ? Optional.of(new StaffPart(response.caseOf(pupilId), tasks.tasksOf(pupilId), register.amendmentsOf(pupilId)))
            : Optional.empty();
    return new Summary(
        pupil,
        year,
        calendar,
        stored,
        figures,
        MissedLearning.of(sessionMarks, SessionLengths.of(pupil.getSchool())),
        summaries.comparisonsFor(pupil),
        WeeklyTrend.of(sessionMarks, calendar),
        BrokenWeeks.of(sessionMarks, calendar),
        AbsenceBreakdown.of(sessionMarks),
        RegisterCompleteness.check(
            calendar, pupil.getSchool().registerTimes(), max(pupil.getOnRollFrom(), year.start()), pupil.getOnRollTo(),
            sessionMarks, now),
        WeeklyTrend.emergingPattern(sessionMarks, pupil.getSchool().stageThresholds()),
        staff);
  }

  private static java.time.LocalDate max(java.time.LocalDate a, java.time.LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}

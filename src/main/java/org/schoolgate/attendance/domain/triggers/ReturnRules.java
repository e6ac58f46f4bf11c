package org.schoolgate.attendance.domain.triggers;

import static org.schoolgate.attendance.domain.triggers.StaffText.day;
import static org.schoolgate.attendance.domain.triggers.StaffText.key;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.CountsAs;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.attendance.domain.triggers.PupilRegister.Slot;
import org.schoolgate.attendance.domain.triggers.Runs.Step;
import org.schoolgate.directory.domain.Session;

/**
 * Returns to the local authority (§4.3, §4.4, §4.6): the attendance return after 10 school days of
 * unauthorised absence, the local "missing from school" report, the monthly return of pupils not
 * attending regularly, and the sickness return. These are owed even after the pupil is back, so
 * they are proposed for every run in the register, not only one still going on.
 */
final class ReturnRules {

  private ReturnRules() {}

  static List<TaskProposal> apply(PupilRegister register, TriggerSettings settings) {
    List<TaskProposal> out = new ArrayList<>();
    unauthorisedRuns(register, settings, out);
    irregularAttendance(register, settings, out);
    sickness(register, settings, out);
    return out;
  }

  /**
   * A session in a run of unauthorised absence (§4.4): G, N, O and U extend it; D, X, Z, # and
   * unmarked sessions are passed over; any attended or authorised code, Y or Q breaks it.
   */
  static Step unauthorised(Slot slot) {
    if (!slot.marked() || slot.neutral()) {
      return Step.SKIP;
    }
    return slot.is("G", "N", "O", "U") ? Step.COUNT : Step.BREAK;
  }

  /** A session in a period of sickness (§4.3): I extends it, non-counted codes are passed over. */
  static Step illness(Slot slot) {
    if (!slot.marked() || slot.code().countsAs() == CountsAs.NOT_COUNTED) {
      return Step.SKIP;
    }
    return slot.is("I") ? Step.COUNT : Step.BREAK;
  }

  private static void unauthorisedRuns(PupilRegister register, TriggerSettings settings, List<TaskProposal> out) {
    UUID pupil = register.timeline.pupilId();
    int returnSessions = 2 * settings.attendanceReturnDays();
    int reportSessions = 2 * settings.laNotifyDays();
    boolean localReport = settings.laNotifyDays() < settings.cmeDays();
    for (List<Slot> run : Runs.of(register.slots, ReturnRules::unauthorised).runs()) {
      Slot first = run.get(0);
      onSession(run, returnSessions, TaskKind.ATTENDANCE_RETURN, key(TaskKind.ATTENDANCE_RETURN.ruleId(), pupil, first.date(), first.session()), out,
          reached -> "Unauthorised absence (G, N, O or U) at every session for " + settings.attendanceReturnDays()
              + " school days, " + first.label() + " to " + reached.label() + ": put the pupil on the next attendance return.");
      if (localReport) {
        onSession(run, reportSessions, TaskKind.MISSING_FROM_SCHOOL_REPORT,
            key(TaskKind.MISSING_FROM_SCHOOL_REPORT.ruleId(), pupil, first.date(), first.session()), out,
            reached -> "Unauthorised absence at every session for " + settings.laNotifyDays() + " school days since "
                + first.label() + ": send the local authority's missing from school report today.");
      }
    }
  }

  /** Proposes {@code kind} raised at the {@code n}th session of the run, once the run is that long. */
  private static void onSession(List<Slot> run, int n, TaskKind kind, String key, List<TaskProposal> out, Function<Slot, String> details) {
    if (run.size() >= n) {
      Slot reached = run.get(n - 1);
      out.add(TaskProposal.of(kind, key, reached.date(), reached.date(), details.apply(reached)));
    }
  }

  /** T-AR-REG: a persistently absent pupil goes on this month's return (the LA's default for "regularly"). */
  private static void irregularAttendance(PupilRegister register, TriggerSettings settings, List<TaskProposal> out) {
    LocalDate yearStart = schoolYearStart(register.today);
    List<SessionMark> thisYear = register.marks.stream().filter(m -> !m.date().isBefore(yearStart)).toList();
    AttendanceFigures figures = AttendanceFigures.of(thisYear);
    if (!register.onRollToday() || figures.possible() < settings.minPossibleSessions() || !figures.persistentlyAbsent()) {
      return;
    }
    LocalDate monthEnd = register.today.with(TemporalAdjusters.lastDayOfMonth());
    out.add(
        TaskProposal.of(
            TaskKind.IRREGULAR_ATTENDANCE_RETURN,
            key(TaskKind.IRREGULAR_ATTENDANCE_RETURN.ruleId(), register.timeline.pupilId(), YearMonth.from(register.today)),
            register.today,
            monthEnd,
            "Persistently absent this school year: missed " + figures.absent() + " of " + figures.possible()
                + " sessions (" + figures.absenceRate().orElseThrow().forStaff()
                + "%). Put the pupil on this month's attendance return."));
  }

  private static void sickness(PupilRegister register, TriggerSettings settings, List<TaskProposal> out) {
    UUID pupil = register.timeline.pupilId();
    int sessions = 2 * settings.sicknessReturnDays();
    Runs<Slot> runs = Runs.of(register.slots, ReturnRules::illness);

    // one return per continuous period of sickness: actual 15 days, or predicted from an expected return date
    List<List<Slot>> withPeriodReturn = new ArrayList<>();
    for (List<Slot> run : runs.runs()) {
      Slot first = run.get(0);
      String key = key(TaskKind.SICKNESS_RETURN.ruleId(), pupil, "period", first.date(), first.session());
      Optional<TaskProposal> periodReturn =
          run.size() >= sessions
              ? Optional.of(continuous(settings, run, key))
              : run == runs.live().orElse(null) && register.onRollToday() ? predicted(register, settings, run, key) : Optional.empty();
      periodReturn.ifPresent(
          p -> {
            out.add(p);
            withPeriodReturn.add(run);
          });
    }

    // cumulative: the 30th I session of each school year, once a year, unless it falls in a period already returned
    Map<LocalDate, List<Slot>> byYear = new LinkedHashMap<>();
    for (Slot slot : register.slots) {
      if (slot.is("I")) {
        byYear.computeIfAbsent(schoolYearStart(slot.date()), y -> new ArrayList<>()).add(slot);
      }
    }
    byYear.forEach(
        (yearStart, illness) -> {
          if (illness.size() < sessions) {
            return;
          }
          Slot reached = illness.get(sessions - 1);
          if (withPeriodReturn.stream().anyMatch(run -> run.contains(reached))) {
            return;
          }
          out.add(
              TaskProposal.of(
                  TaskKind.SICKNESS_RETURN,
                  key(TaskKind.SICKNESS_RETURN.ruleId(), pupil, "year", yearStart.getYear()),
                  reached.date(),
                  reached.date(),
                  sessions + " sessions of illness (" + settings.sicknessReturnDays() + " school days) this school year, the "
                      + sessions + "th on " + reached.label() + ": tell the local authority."));
        });
  }

  private static TaskProposal continuous(TriggerSettings settings, List<Slot> run, String key) {
    Slot reached = run.get(2 * settings.sicknessReturnDays() - 1);
    return TaskProposal.of(
        TaskKind.SICKNESS_RETURN,
        key,
        reached.date(),
        reached.date(),
        "Ill at every session for " + settings.sicknessReturnDays() + " school days since " + run.get(0).label()
            + ": tell the local authority.");
  }

  private static Optional<TaskProposal> predicted(
      PupilRegister register, TriggerSettings settings, List<Slot> run, String key) {
    LocalDate back = register.timeline.expectedIllnessReturn();
    Slot last = run.get(run.size() - 1);
    if (back == null || !back.isAfter(last.date())) {
      return Optional.empty();
    }
    int expected = run.size();
    for (LocalDate d = last.date(); d.isBefore(back); d = d.plusDays(1)) {
      for (Session session : Session.values()) {
        boolean after = d.isAfter(last.date()) || session.compareTo(last.session()) > 0;
        if (after && register.calendar().meets(d, session)) {
          expected++;
        }
      }
    }
    if (expected < 2 * settings.sicknessReturnDays()) {
      return Optional.empty();
    }
    return Optional.of(
        TaskProposal.of(
            TaskKind.SICKNESS_RETURN,
            key,
            last.date(),
            last.date(),
            "Ill since " + run.get(0).label() + " and expected back on " + day(back) + ": about " + expected / 2
                + " school days of illness in a row, so tell the local authority now."));
  }

  /** 1 September of the school year the date falls in. */
  static LocalDate schoolYearStart(LocalDate date) {
    int year = date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1;
    return LocalDate.of(year, Month.SEPTEMBER, 1);
  }
}

package org.schoolgate.attendance.domain.triggers;

import static org.schoolgate.attendance.domain.triggers.StaffText.day;
import static org.schoolgate.attendance.domain.triggers.StaffText.key;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.schoolgate.attendance.domain.CountsAs;
import org.schoolgate.attendance.domain.triggers.PupilRegister.Day;
import org.schoolgate.attendance.domain.triggers.PupilRegister.Slot;
import org.schoolgate.attendance.domain.triggers.Runs.Step;

/**
 * The daily-absence triggers (§4.1, §4.6, R1.7) for an absence still going on today: first- and
 * second-day calls, home visits, welfare checks, safeguarding escalation, the CME referral and the
 * deletion Ground I review. Once the pupil is seen again or the family is in touch, the situation
 * is over and none of these are proposed any more.
 */
final class AbsenceRunRules {

  private AbsenceRunRules() {}

  static List<TaskProposal> apply(PupilRegister register, TriggerSettings settings) {
    List<TaskProposal> out = new ArrayList<>();
    if (!register.onRollToday()) {
      return out;
    }
    Runs.of(register.days, AbsenceRunRules::unexplained).live().ifPresent(run -> unexplainedRun(register, settings, run, out));
    Runs.of(register.days, AbsenceRunRules::absent).live().ifPresent(run -> welfareChecks(register, settings, run, out));
    Runs.of(register.days, AbsenceRunRules::groundI).live().ifPresent(run -> groundIReview(register, settings, run, out));
    return out;
  }

  /**
   * An unexplained absence day: every session that counts is N, O or (on an earlier day) unmarked,
   * and the family did not get in touch that day.
   */
  static Step unexplained(Day day) {
    boolean notSeen = false;
    for (Slot slot : day.slots()) {
      if (slot.pending() || slot.neutral()) {
        continue;
      }
      if (!slot.marked() || slot.is("N", "O")) {
        notSeen = true;
      } else {
        return Step.BREAK;
      }
    }
    if (!notSeen) {
      return Step.SKIP;
    }
    return day.familyContact() ? Step.BREAK : Step.COUNT;
  }

  /** A day of absence for any reason (T-WELF5); attending any session, even late (U), breaks it. */
  static Step absent(Day day) {
    boolean absent = false;
    for (Slot slot : day.slots()) {
      if (slot.pending()) {
        continue;
      }
      if (!slot.marked()) {
        absent = true;
      } else if (slot.is("U") || slot.code().countsAs() == CountsAs.ATTENDED) {
        return Step.BREAK;
      } else if (slot.code().countsAs().isAbsence()) {
        absent = true;
      }
    }
    return absent ? Step.COUNT : Step.SKIP;
  }

  /** A day that counts towards deletion Ground I: every session G, N or O; anything else breaks it. */
  static Step groundI(Day day) {
    boolean counts = false;
    for (Slot slot : day.slots()) {
      if (slot.pending()) {
        continue;
      }
      if (slot.is("G", "N", "O")) {
        counts = true;
      } else {
        return Step.BREAK;
      }
    }
    return counts ? Step.COUNT : Step.SKIP;
  }

  private static void unexplainedRun(PupilRegister register, TriggerSettings settings, List<Day> run, List<TaskProposal> out) {
    UUID pupil = register.timeline.pupilId();
    PupilFlags flags = register.timeline.flags();
    LocalDate start = run.get(0).date();
    int days = run.size();
    boolean neverArrived = register.firstSchoolDay().filter(start::equals).isPresent();
    String opening =
        neverArrived
            ? "Expected from " + day(start) + " and has not arrived; no reason has been given"
            : "Absent on " + day(start) + " with no reason given";

    TaskKind firstDay = flags.needsProfessionalsToldOnDayOne() ? TaskKind.FIRST_DAY_CONTACT_VULNERABLE : TaskKind.FIRST_DAY_CONTACT;
    out.add(
        TaskProposal.of(
            firstDay,
            key(firstDay.ruleId(), pupil, start),
            start,
            start,
            opening
                + (firstDay == TaskKind.FIRST_DAY_CONTACT_VULNERABLE
                    ? ": phone the family and tell the pupil's social worker, virtual school or youth offending worker today."
                    : ": phone the family today.")));
    if (flags.vulnerableList()) {
      out.add(
          TaskProposal.of(
              TaskKind.FIRST_DAY_HOME_VISIT,
              key(TaskKind.FIRST_DAY_HOME_VISIT.ruleId(), pupil, start),
              start,
              start,
              opening + ". The pupil is on the vulnerable list: visit the home today."));
    }
    if (days >= 2) {
      LocalDate second = run.get(1).date();
      out.add(
          TaskProposal.of(
              TaskKind.SECOND_DAY_CONTACT,
              key(TaskKind.SECOND_DAY_CONTACT.ruleId(), pupil, start),
              second,
              second,
              "Still absent on " + day(second) + " with no reason since " + day(start) + ": contact the family again, using the 3rd and 4th contacts."));
    }
    int visit = 1;
    for (int n = settings.homeVisitDay(); n <= days; n += settings.homeVisitRepeatDays(), visit++) {
      LocalDate due = run.get(n - 1).date();
      out.add(
          TaskProposal.of(
              TaskKind.HOME_VISIT,
              key(TaskKind.HOME_VISIT.ruleId(), pupil, start, visit),
              due,
              due,
              (visit == 1 ? "Home visit" : "Home visit " + visit) + ": not seen or heard from for " + n
                  + " school days since " + day(start) + ". Visit on " + day(due) + " to see the child."));
    }
    onDay(run, settings.safeguardingDays(), TaskKind.SAFEGUARDING_ESCALATION, key(TaskKind.SAFEGUARDING_ESCALATION.ruleId(), pupil, start), out,
        due -> "Not seen or heard from for " + settings.safeguardingDays() + " school days since " + day(start)
            + " and no reason established: work through the safeguarding checklist on " + day(due) + ".");
    onDay(run, settings.cmeDays(), TaskKind.CME_REFERRAL, key(TaskKind.CME_REFERRAL.ruleId(), pupil, start), out,
        due -> "No contact and no known destination for " + settings.cmeDays() + " school days since " + day(start)
            + ": refer to the local authority as a child missing education.");
  }

  /** Proposes {@code kind} due on day {@code n} of the run, once the run has lasted that long. */
  private static void onDay(List<Day> run, int n, TaskKind kind, String key, List<TaskProposal> out, Function<LocalDate, String> details) {
    if (run.size() >= n) {
      LocalDate due = run.get(n - 1).date();
      out.add(TaskProposal.of(kind, key, due, due, details.apply(due)));
    }
  }

  private static void welfareChecks(PupilRegister register, TriggerSettings settings, List<Day> run, List<TaskProposal> out) {
    UUID pupil = register.timeline.pupilId();
    LocalDate start = run.get(0).date();
    int every = settings.welfareEverySchoolDays();
    for (int check = 1; check * every <= run.size(); check++) {
      LocalDate reached = run.get(check * every - 1).date();
      LocalDate due = register.lastSchoolDayOfWeek(reached);
      out.add(
          TaskProposal.of(
              TaskKind.WELFARE_CHECK,
              key(TaskKind.WELFARE_CHECK.ruleId(), pupil, start, check),
              reached,
              due,
              "Absent for " + check * every + " school days in a row since " + day(start)
                  + " (any reason): welfare check visit by " + day(due) + "."));
    }
  }

  private static void groundIReview(PupilRegister register, TriggerSettings settings, List<Day> run, List<TaskProposal> out) {
    LocalDate start = run.get(0).date();
    onDay(run, settings.cmeDays(), TaskKind.DELETION_GROUND_REVIEW, key(TaskKind.DELETION_GROUND_REVIEW.ruleId(), register.timeline.pupilId(), start), out,
        due -> "Absent for " + settings.cmeDays() + " school days in a row since " + day(start)
            + ", every session G, N or O: checks 1 and 2 are met. Confirm checks 3 and 4, including the"
            + " local authority's confirmation, before any deletion; the pupil stays on roll until then.");
  }
}

package org.schoolgate.attendance.domain.triggers;

import static org.schoolgate.attendance.domain.triggers.StaffText.day;
import static org.schoolgate.attendance.domain.triggers.StaffText.key;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.schoolgate.attendance.domain.CodeCategory;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.attendance.domain.triggers.PupilRegister.Slot;
import org.schoolgate.directory.domain.ClosureKind;
import org.schoolgate.directory.domain.SchoolCalendar;

/**
 * Triggers read from single sessions and lessons: unresolved N codes (T-N5), penalty-notice
 * consideration (§4.2), lateness after the register closed (T-U-PATTERN) and absence from a
 * lesson after registration (R1.5).
 */
final class RegisterRules {

  private RegisterRules() {}

  static List<TaskProposal> apply(PupilRegister register, TriggerSettings settings) {
    List<TaskProposal> out = new ArrayList<>();
    unresolvedN(register, settings, out);
    penaltyNotice(register, settings, out);
    lateness(register, settings, out);
    postRegistration(register, out);
    return out;
  }

  /** T-N5: due by the end of the 5th school day after the session (that day not counted), overdue from the 6th. */
  private static void unresolvedN(PupilRegister register, TriggerSettings settings, List<TaskProposal> out) {
    UUID pupil = register.timeline.pupilId();
    for (Slot slot : register.slots) {
      if (!slot.is("N")) {
        continue;
      }
      LocalDate due = register.nthSchoolDayAfter(slot.date(), settings.nCodeDeadlineDays());
      LocalDate overdueFrom = register.nthSchoolDayAfter(slot.date(), settings.nCodeDeadlineDays() + 1);
      boolean overdue = !register.today.isBefore(overdueFrom);
      String details =
          overdue
              ? "N on " + slot.label() + " is still unresolved and was due by the end of " + day(due)
                  + ": change it to the real reason, or confirm the proposed change to O."
              : "N on " + slot.label() + " is still unresolved: change it to the real reason or to O by the end of "
                  + day(due) + ". Until then it counts as unauthorised absence.";
      out.add(
          new TaskProposal(
              TaskKind.N_TO_RESOLVE,
              key(TaskKind.N_TO_RESOLVE.ruleId(), pupil, slot.date(), slot.session()),
              slot.date(),
              due,
              TaskKind.N_TO_RESOLVE.owner(),
              false,
              overdue,
              overdue ? "O" : null,
              details));
    }
  }

  /**
   * §4.2, as if each unauthorised session had just been recorded: a new consideration each time the
   * count reaches the threshold after being below it.
   */
  private static void penaltyNotice(PupilRegister register, TriggerSettings settings, List<TaskProposal> out) {
    UUID pupil = register.timeline.pupilId();
    boolean met = false;
    for (SessionMark mark : register.marks) {
      if (mark.code().category() != CodeCategory.UNAUTHORISED) {
        continue;
      }
      PenaltyNoticeWindow window =
          PenaltyNoticeWindow.endingWith(register.marks, register.calendar(), mark, settings.penaltyWindowWeeks());
      boolean nowMet = window.meetsThreshold(settings.penaltySessions());
      if (nowMet && !met) {
        List<LocalDate> weeks = window.schoolWeeks();
        int nCodes = window.byCode().getOrDefault("N", 0);
        out.add(
            new TaskProposal(
                TaskKind.PENALTY_NOTICE_CONSIDERATION,
                key(TaskKind.PENALTY_NOTICE_CONSIDERATION.ruleId(), pupil, mark.date(), mark.session()),
                mark.date(),
                mark.date(),
                TaskKind.PENALTY_NOTICE_CONSIDERATION.owner(),
                window.provisional(),
                false,
                null,
                window.unauthorised() + " unauthorised sessions (" + window.breakdown() + ") in the "
                    + StaffText.plural(weeks.size(), "school week", "school weeks") + " from w/c " + day(weeks.get(0))
                    + " to w/c " + day(weeks.get(weeks.size() - 1)) + ": the school must consider a penalty notice and record"
                    + " its decision."
                    + (window.provisional()
                        ? " Provisional: " + StaffText.plural(nCodes, "N code is", "N codes are") + " not resolved yet."
                        : "")));
      }
      met = nowMet;
    }
  }

  /** T-U-PATTERN: the school's number of U sessions in one half term brings a lateness support letter. */
  private static void lateness(PupilRegister register, TriggerSettings settings, List<TaskProposal> out) {
    UUID pupil = register.timeline.pupilId();
    Map<LocalDate, List<Slot>> byHalfTerm = new HashMap<>();
    for (Slot slot : register.slots) {
      if (!slot.is("U")) {
        continue;
      }
      LocalDate halfTerm = halfTermStart(register.calendar(), slot.date());
      List<Slot> lates = byHalfTerm.computeIfAbsent(halfTerm, h -> new ArrayList<>());
      lates.add(slot);
      if (lates.size() == settings.lateThreshold()) {
        out.add(
            TaskProposal.of(
                TaskKind.LATENESS_SUPPORT,
                key(TaskKind.LATENESS_SUPPORT.ruleId(), pupil, halfTerm),
                slot.date(),
                slot.date(),
                "Arrived after the register closed (U) " + StaffText.plural(lates.size(), "time", "times")
                    + " this half term: " + String.join(", ", lates.stream().map(Slot::label).toList())
                    + ". Send the lateness support letter."));
      }
    }
  }

  /** The first day of the half term the date falls in: the term start or the day after a half-term break. */
  static LocalDate halfTermStart(SchoolCalendar calendar, LocalDate date) {
    SchoolCalendar.Term term = calendar.termOf(date).orElseThrow();
    LocalDate start = term.start();
    for (SchoolCalendar.Closure closure : calendar.closures()) {
      boolean inTerm = !closure.first().isBefore(term.start()) && !closure.last().isAfter(term.end());
      if (closure.kind() == ClosureKind.HALF_TERM && inTerm && closure.last().isBefore(date) && closure.last().isAfter(start.minusDays(1))) {
        start = closure.last().plusDays(1);
      }
    }
    return start;
  }

  /** R1.5: registered present at the session, absent from a lesson in it with no reason. */
  private static void postRegistration(PupilRegister register, List<TaskProposal> out) {
    UUID pupil = register.timeline.pupilId();
    Map<String, Slot> slots = new HashMap<>();
    register.slots.forEach(s -> slots.put(s.date() + ":" + s.session(), s));
    for (LessonMark lesson : register.timeline.lessonMarks()) {
      Slot slot = slots.get(lesson.date() + ":" + lesson.session());
      if (!lesson.isUnexplainedAbsence() || slot == null || !slot.marked() || slot.code().category() != CodeCategory.PRESENT) {
        continue;
      }
      String subject = lesson.subject() == null || lesson.subject().isBlank() ? "" : " (" + lesson.subject() + ")";
      out.add(
          TaskProposal.of(
              TaskKind.POST_REGISTRATION_ABSENCE,
              key(TaskKind.POST_REGISTRATION_ABSENCE.ruleId(), pupil, lesson.date(), lesson.period()),
              lesson.date(),
              lesson.date(),
              "Registered present (" + slot.code().code() + ") on " + slot.label() + " but absent from period "
                  + lesson.period() + subject + " with no reason: find the pupil today."));
    }
  }
}

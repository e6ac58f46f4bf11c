package org.schoolgate.attendance.domain.triggers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.schoolgate.attendance.domain.AttendanceFigures;

/**
 * Works out the tasks attendance rules §4 (with R1.5 and R1.7) ask of staff for one pupil on a
 * given day. Pure: only sessions on or before {@code today} count, nothing is stored, and the same
 * timeline, settings and day always give the same proposals with the same keys.
 *
 * <p>Tasks for something happening now (calls, visits, safeguarding, CME referral, Ground I
 * review, predicted sickness) are proposed only while the absence still goes on; returns to the
 * local authority, N codes, penalty-notice consideration and lateness letters are proposed for the
 * whole timeline, since they are owed even after the pupil is back. A pupil with no possible
 * sessions yet raises nothing (§3.2), and penalty notices, attendance and sickness returns are
 * proposed only for pupils of compulsory school age on the day they arise.
 */
public final class TriggerEngine {

  private TriggerEngine() {}

  public static List<TaskProposal> evaluate(PupilTimeline timeline, TriggerSettings settings, LocalDate today) {
    PupilRegister register = PupilRegister.of(timeline, today);
    if (!AttendanceFigures.of(register.marks).hasSessions()) {
      return List.of();
    }
    List<TaskProposal> proposals = new ArrayList<>();
    proposals.addAll(RegisterRules.apply(register, settings));
    proposals.addAll(AbsenceRunRules.apply(register, settings));
    proposals.addAll(ReturnRules.apply(register, settings));

    CompulsorySchoolAge csa = timeline.compulsorySchoolAge();
    Map<String, TaskProposal> byKey = new LinkedHashMap<>();
    proposals.stream()
        .filter(p -> !p.kind().onlyForCompulsorySchoolAge() || csa.covers(p.raisedOn()))
        .sorted(TaskProposal.BY_DUE_DATE)
        .forEach(p -> byKey.putIfAbsent(p.dedupeKey(), p));
    return List.copyOf(byKey.values());
  }
}

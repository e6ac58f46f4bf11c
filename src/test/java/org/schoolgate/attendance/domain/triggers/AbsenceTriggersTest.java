package org.schoolgate.attendance.domain.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolgate.attendance.domain.triggers.Pupils.dueDates;
import static org.schoolgate.attendance.domain.triggers.Pupils.ofKind;
import static org.schoolgate.attendance.domain.triggers.Section9Calendar.date;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.platform.security.StaffRole;

/** Daily absence: first- and second-day calls, home visits, welfare checks and safeguarding (§4.1, §9). */
class AbsenceTriggersTest {

  private static final LocalDate MON_2_MAR = date(2026, 3, 2);

  /** §9 case 25: unexplained absence from Mon 2 Mar 2026, no contact, still absent on {@code until}. */
  private static Pupils absentFromMondayTwoMarch(LocalDate until) {
    return Pupils.presentUntil(date(2026, 2, 27)).code("N", MON_2_MAR, until);
  }

  @Test
  void case_25_home_visit_falls_due_on_the_third_day_of_unexplained_absence() {
    List<TaskProposal> tasks = absentFromMondayTwoMarch(date(2026, 3, 4)).evaluate(date(2026, 3, 4));

    assertThat(dueDates(tasks, TaskKind.FIRST_DAY_CONTACT)).containsExactly(MON_2_MAR);
    assertThat(dueDates(tasks, TaskKind.SECOND_DAY_CONTACT)).containsExactly(date(2026, 3, 3));
    assertThat(dueDates(tasks, TaskKind.HOME_VISIT)).containsExactly(date(2026, 3, 4));
    assertThat(ofKind(tasks, TaskKind.HOME_VISIT).get(0).ownerRole()).isEqualTo(StaffRole.ATTENDANCE_OFFICER);
    assertThat(ofKind(tasks, TaskKind.FIRST_DAY_CONTACT).get(0).ownerRole()).isEqualTo(StaffRole.OFFICE);
    assertThat(ofKind(tasks, TaskKind.SAFEGUARDING_ESCALATION)).isEmpty();
  }

  @Test
  void case_25_visits_repeat_every_three_school_days_with_safeguarding_on_day_five_and_weekly_welfare_checks() {
    List<TaskProposal> tasks = absentFromMondayTwoMarch(date(2026, 3, 13)).evaluate(date(2026, 3, 13));

    assertThat(dueDates(tasks, TaskKind.HOME_VISIT)).containsExactly(date(2026, 3, 4), date(2026, 3, 9), date(2026, 3, 12));
    assertThat(ofKind(tasks, TaskKind.HOME_VISIT)).extracting(TaskProposal::dedupeKey)
        .containsExactly(
            "T-HV3:" + Pupils.PUPIL + ":2026-03-02:1", "T-HV3:" + Pupils.PUPIL + ":2026-03-02:2", "T-HV3:" + Pupils.PUPIL + ":2026-03-02:3");
    assertThat(dueDates(tasks, TaskKind.SAFEGUARDING_ESCALATION)).containsExactly(date(2026, 3, 6));
    assertThat(ofKind(tasks, TaskKind.SAFEGUARDING_ESCALATION).get(0).ownerRole()).isEqualTo(StaffRole.DSL);
    assertThat(dueDates(tasks, TaskKind.WELFARE_CHECK)).containsExactly(date(2026, 3, 6), date(2026, 3, 13));
  }

  @Test
  void case_25_no_repeat_visit_is_proposed_once_the_pupil_is_back() {
    List<TaskProposal> tasks =
        absentFromMondayTwoMarch(date(2026, 3, 6)).code("/", date(2026, 3, 9), date(2026, 3, 12)).evaluate(date(2026, 3, 12));

    assertThat(ofKind(tasks, TaskKind.HOME_VISIT)).isEmpty();
    assertThat(ofKind(tasks, TaskKind.WELFARE_CHECK)).isEmpty();
  }

  @Test
  void case_26_a_pupil_on_the_vulnerable_list_is_visited_on_day_one_and_the_social_worker_told_the_same_day() {
    PupilFlags flags = new PupilFlags(true, false, false, false, false, true);
    List<TaskProposal> tasks = absentFromMondayTwoMarch(MON_2_MAR).flags(flags).evaluate(MON_2_MAR);

    assertThat(dueDates(tasks, TaskKind.FIRST_DAY_HOME_VISIT)).containsExactly(MON_2_MAR);
    TaskProposal call = ofKind(tasks, TaskKind.FIRST_DAY_CONTACT_VULNERABLE).get(0);
    assertThat(call.dueDate()).isEqualTo(MON_2_MAR);
    assertThat(call.ownerRole()).isEqualTo(StaffRole.DSL);
    assertThat(call.details()).contains("social worker");
    assertThat(call.kind().steps()).anyMatch(step -> step.contains("social worker") && step.contains("youth offending"));
    assertThat(ofKind(tasks, TaskKind.FIRST_DAY_CONTACT)).as("replaced by the safeguarding call").isEmpty();
  }

  @Test
  void a_pupil_with_a_youth_offending_worker_but_not_on_the_vulnerable_list_gets_the_safeguarding_call_but_no_day_one_visit() {
    PupilFlags flags = new PupilFlags(false, false, false, false, true, false);
    List<TaskProposal> tasks = absentFromMondayTwoMarch(MON_2_MAR).flags(flags).evaluate(MON_2_MAR);

    assertThat(dueDates(tasks, TaskKind.FIRST_DAY_CONTACT_VULNERABLE)).containsExactly(MON_2_MAR);
    assertThat(ofKind(tasks, TaskKind.FIRST_DAY_HOME_VISIT)).isEmpty();
  }

  @Test
  void contact_from_the_family_on_day_two_means_no_home_visit_on_day_three() {
    List<TaskProposal> tasks =
        absentFromMondayTwoMarch(date(2026, 3, 4)).familyContactOn(date(2026, 3, 3)).evaluate(date(2026, 3, 4));

    assertThat(ofKind(tasks, TaskKind.HOME_VISIT)).isEmpty();
    assertThat(ofKind(tasks, TaskKind.SECOND_DAY_CONTACT)).isEmpty();
    assertThat(dueDates(tasks, TaskKind.FIRST_DAY_CONTACT)).as("a new unexplained day starts again").containsExactly(date(2026, 3, 4));
  }

  @Test
  void an_earlier_day_with_no_marks_at_all_counts_as_not_seen_but_todays_unmarked_register_waits() {
    Pupils pupil = Pupils.presentUntil(date(2026, 2, 27)).code("N", MON_2_MAR, date(2026, 3, 3));
    // Wed 4 Mar: no register entered yet
    assertThat(ofKind(pupil.evaluate(date(2026, 3, 4)), TaskKind.HOME_VISIT)).isEmpty();
    assertThat(dueDates(pupil.evaluate(date(2026, 3, 5)), TaskKind.HOME_VISIT))
        .as("Wed 4 Mar still unmarked on Thu 5 Mar: not seen")
        .containsExactly(date(2026, 3, 4));
  }

  @Test
  void case_22_unauthorised_absence_round_the_may_bank_holiday_brings_visits_safeguarding_and_the_attendance_return() {
    List<TaskProposal> tasks =
        Pupils.presentUntil(date(2026, 4, 27)).code("O", date(2026, 4, 28), date(2026, 5, 12)).evaluate(date(2026, 5, 12));

    assertThat(dueDates(tasks, TaskKind.HOME_VISIT)).containsExactly(date(2026, 4, 30), date(2026, 5, 6), date(2026, 5, 11));
    assertThat(dueDates(tasks, TaskKind.SAFEGUARDING_ESCALATION)).containsExactly(date(2026, 5, 5));
    TaskProposal attendanceReturn = ofKind(tasks, TaskKind.ATTENDANCE_RETURN).get(0);
    assertThat(attendanceReturn.raisedOn()).isEqualTo(date(2026, 5, 12));
    assertThat(attendanceReturn.dedupeKey()).isEqualTo("T-AR10:" + Pupils.PUPIL + ":2026-04-28:AM");
    assertThat(attendanceReturn.details()).contains("Tue 28 Apr AM to Tue 12 May PM");
    assertThat(dueDates(tasks, TaskKind.MISSING_FROM_SCHOOL_REPORT)).containsExactly(date(2026, 5, 12));
  }

  @Test
  void case_22_nine_school_days_are_not_enough_for_the_attendance_return() {
    List<TaskProposal> tasks =
        Pupils.presentUntil(date(2026, 4, 27)).code("O", date(2026, 4, 28), date(2026, 5, 11)).evaluate(date(2026, 5, 11));

    assertThat(ofKind(tasks, TaskKind.ATTENDANCE_RETURN)).isEmpty();
  }

  @Test
  void case_22_the_attendance_return_is_still_owed_after_the_pupil_comes_back() {
    List<TaskProposal> tasks =
        Pupils.presentUntil(date(2026, 5, 20)).code("O", date(2026, 4, 28), date(2026, 5, 12)).evaluate(date(2026, 5, 20));

    assertThat(dueDates(tasks, TaskKind.ATTENDANCE_RETURN)).containsExactly(date(2026, 5, 12));
    assertThat(ofKind(tasks, TaskKind.HOME_VISIT)).as("no visits once the pupil is back").isEmpty();
  }

  @Test
  void case_23_an_illness_session_breaks_the_run_so_the_return_waits_for_twenty_new_unauthorised_sessions() {
    Pupils pupil =
        Pupils.presentUntil(date(2026, 4, 27))
            .code("O", date(2026, 4, 28), date(2026, 5, 22))
            .session(date(2026, 5, 7), Session.AM, "I");

    assertThat(ofKind(pupil.evaluate(date(2026, 5, 12)), TaskKind.ATTENDANCE_RETURN)).isEmpty();
    // Thu 7 May PM is the 1st new session; Thu 21 May AM the 20th
    assertThat(ofKind(pupil.evaluate(date(2026, 5, 20)), TaskKind.ATTENDANCE_RETURN)).isEmpty();
    List<TaskProposal> returns = ofKind(pupil.evaluate(date(2026, 5, 21)), TaskKind.ATTENDANCE_RETURN);
    assertThat(returns).extracting(TaskProposal::raisedOn).containsExactly(date(2026, 5, 21));
    assertThat(returns.get(0).dedupeKey()).endsWith(":2026-05-07:PM");
  }

  @Test
  void case_24_twenty_school_days_unexplained_bring_a_cme_referral_and_a_ground_i_review_never_a_deletion() {
    List<TaskProposal> tasks =
        Pupils.presentUntil(date(2026, 2, 27))
            .code("O", MON_2_MAR, date(2026, 3, 27))
            .code("N", date(2026, 3, 23), date(2026, 3, 27))
            .evaluate(date(2026, 3, 27));

    assertThat(dueDates(tasks, TaskKind.CME_REFERRAL)).containsExactly(date(2026, 3, 27));
    assertThat(ofKind(tasks, TaskKind.CME_REFERRAL).get(0).ownerRole()).isEqualTo(StaffRole.DSL);
    TaskProposal review = ofKind(tasks, TaskKind.DELETION_GROUND_REVIEW).get(0);
    assertThat(review.dueDate()).isEqualTo(date(2026, 3, 27));
    assertThat(review.ownerRole()).isEqualTo(StaffRole.HEADTEACHER);
    assertThat(review.details()).contains("stays on roll");
    assertThat(review.kind().steps()).filteredOn(step -> step.startsWith("Check ")).hasSize(4);
    assertThat(review.kind().steps()).anyMatch(step -> step.contains("local authority's confirmation"));
    assertThat(review.kind().steps()).anyMatch(step -> step.contains("never taken off roll automatically"));
  }

  @Test
  void case_24_nineteen_school_days_are_not_enough_for_cme_or_ground_i() {
    List<TaskProposal> tasks = Pupils.presentUntil(date(2026, 2, 27)).code("O", MON_2_MAR, date(2026, 3, 26)).evaluate(date(2026, 3, 26));

    assertThat(ofKind(tasks, TaskKind.CME_REFERRAL)).isEmpty();
    assertThat(ofKind(tasks, TaskKind.DELETION_GROUND_REVIEW)).isEmpty();
  }

  @Test
  void case_24_one_late_after_close_session_in_the_twenty_days_means_ground_i_is_not_met() {
    List<TaskProposal> tasks =
        Pupils.presentUntil(date(2026, 2, 27))
            .code("O", MON_2_MAR, date(2026, 3, 27))
            .session(date(2026, 3, 13), Session.AM, "U")
            .evaluate(date(2026, 3, 27));

    assertThat(ofKind(tasks, TaskKind.DELETION_GROUND_REVIEW)).isEmpty();
    assertThat(ofKind(tasks, TaskKind.CME_REFERRAL)).as("the pupil was seen on 13 Mar").isEmpty();
    assertThat(ofKind(tasks, TaskKind.ATTENDANCE_RETURN)).as("U still counts for the attendance return").hasSize(1);
  }

  @Test
  void case_42_a_pupil_expected_from_seven_january_who_never_arrives_gets_first_day_contact_that_day() {
    LocalDate wed7Jan = date(2026, 1, 7);
    Pupils pupil = Pupils.noMarks().onRollFrom(wed7Jan).code("Z", date(2026, 1, 5), date(2026, 1, 6)).day("N", wed7Jan);

    List<TaskProposal> tasks = pupil.evaluate(wed7Jan);

    TaskProposal call = ofKind(tasks, TaskKind.FIRST_DAY_CONTACT).get(0);
    assertThat(call.dueDate()).isEqualTo(wed7Jan);
    assertThat(call.details()).startsWith("Expected from Wed 7 Jan and has not arrived");
    assertThat(dueDates(tasks, TaskKind.N_TO_RESOLVE)).as("both 7 Jan sessions are possible and N").hasSize(2);
  }

  @Test
  void case_42_first_day_contact_fires_on_the_expected_day_even_before_anyone_enters_a_mark_for_it() {
    LocalDate wed7Jan = date(2026, 1, 7);
    Pupils pupil = Pupils.noMarks().onRollFrom(wed7Jan).day("N", date(2026, 1, 8));

    assertThat(dueDates(pupil.evaluate(date(2026, 1, 8)), TaskKind.FIRST_DAY_CONTACT)).containsExactly(wed7Jan);
  }

  @Test
  void case_8_a_pupil_with_zero_possible_sessions_raises_nothing() {
    LocalDate today = date(2026, 1, 7);
    assertThat(Pupils.noMarks().onRollFrom(today).session(today, Session.AM, "X").evaluate(today)).isEmpty();
    assertThat(Pupils.noMarks().onRollFrom(today).evaluate(today)).as("admitted today, nothing registered yet").isEmpty();
    assertThat(Pupils.noMarks().code("X", date(2025, 9, 1), date(2025, 9, 30)).evaluate(date(2025, 9, 30))).isEmpty();
  }

  @Test
  void evaluating_twice_gives_the_same_proposals_and_later_evaluations_keep_the_earlier_keys() {
    Pupils pupil = absentFromMondayTwoMarch(date(2026, 3, 13));
    List<TaskProposal> first = pupil.evaluate(date(2026, 3, 13));
    List<TaskProposal> again = pupil.evaluate(date(2026, 3, 13));
    assertThat(again).isEqualTo(first);

    List<String> onWednesday =
        absentFromMondayTwoMarch(date(2026, 3, 4)).evaluate(date(2026, 3, 4)).stream().map(TaskProposal::dedupeKey).toList();
    assertThat(first).extracting(TaskProposal::dedupeKey).containsAll(onWednesday);
    assertThat(first).extracting(TaskProposal::dedupeKey).doesNotHaveDuplicates();
  }

  @Test
  void a_pupil_who_has_left_the_roll_gets_no_visits_for_absence_before_leaving() {
    PupilTimeline left =
        new PupilTimeline(
            Pupils.PUPIL, date(2015, 3, 10), PupilFlags.NONE, date(2025, 9, 1), date(2026, 3, 4),
            absentFromMondayTwoMarch(date(2026, 3, 4)).build().marks(), Section9Calendar.CALENDAR, null, null, null);

    List<TaskProposal> tasks = TriggerEngine.evaluate(left, TriggerSettings.defaults(), date(2026, 3, 10));

    assertThat(ofKind(tasks, TaskKind.HOME_VISIT)).isEmpty();
  }
}

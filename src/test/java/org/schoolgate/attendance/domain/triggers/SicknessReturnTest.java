package org.schoolgate.attendance.domain.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolgate.attendance.domain.triggers.Pupils.ofKind;
import static org.schoolgate.attendance.domain.triggers.Section9Calendar.date;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.platform.security.StaffRole;

/** T-SICK15: telling the local authority about 15 school days of illness (§4.3, §9 cases 27-28). */
class SicknessReturnTest {

  /**
   * §9 case 27: 24 I sessions in autumn (one day ill in each of 12 weeks) and 6 in spring (one day
   * in each of 3 weeks), all separate short episodes; present otherwise.
   */
  private static Pupils shortIllnesses(LocalDate presentUntil) {
    Pupils p = Pupils.presentUntil(presentUntil);
    LocalDate[] autumnTuesdays = {
      date(2025, 9, 2), date(2025, 9, 9), date(2025, 9, 16), date(2025, 9, 23), date(2025, 9, 30), date(2025, 10, 7),
      date(2025, 10, 14), date(2025, 10, 21), date(2025, 11, 11), date(2025, 11, 18), date(2025, 11, 25), date(2025, 12, 2)
    };
    for (LocalDate d : autumnTuesdays) {
      p.day("I", d);
    }
    p.day("I", date(2026, 1, 13)).day("I", date(2026, 1, 20)).day("I", date(2026, 1, 27));
    return p;
  }

  @Test
  void case_27_thirty_separate_illness_sessions_in_a_school_year_bring_one_return_at_the_thirtieth() {
    List<TaskProposal> returns = ofKind(shortIllnesses(date(2026, 1, 30)).evaluate(date(2026, 1, 30)), TaskKind.SICKNESS_RETURN);

    assertThat(returns).extracting(TaskProposal::raisedOn).containsExactly(date(2026, 1, 27));
    assertThat(returns.get(0).ownerRole()).isEqualTo(StaffRole.ATTENDANCE_OFFICER);
    assertThat(returns.get(0).details()).contains("30 sessions of illness (15 school days)").contains("Tue 27 Jan PM");
  }

  @Test
  void case_27_twenty_nine_illness_sessions_bring_no_return() {
    Pupils pupil = shortIllnesses(date(2026, 1, 30)).day("/", date(2026, 1, 27)).session(date(2026, 1, 27), org.schoolgate.directory.domain.Session.PM, "I");
    // 24 + 4 + 1 = 29
    assertThat(ofKind(pupil.evaluate(date(2026, 1, 30)), TaskKind.SICKNESS_RETURN)).isEmpty();
  }

  @Test
  void case_27_later_short_illnesses_that_year_raise_no_second_cumulative_return() {
    Pupils pupil = shortIllnesses(date(2026, 3, 27)).day("I", date(2026, 2, 3)).day("I", date(2026, 3, 10));

    List<TaskProposal> returns = ofKind(pupil.evaluate(date(2026, 3, 27)), TaskKind.SICKNESS_RETURN);

    assertThat(returns).extracting(TaskProposal::raisedOn).containsExactly(date(2026, 1, 27));
  }

  @Test
  void case_27_a_new_continuous_illness_of_fifteen_school_days_raises_its_own_return() {
    // ill every session from Mon 20 Apr for 15 school days, to Mon 11 May (the 4 May bank holiday skipped)
    Pupils pupil = shortIllnesses(date(2026, 5, 11)).code("I", date(2026, 4, 20), date(2026, 5, 11));

    List<TaskProposal> returns = ofKind(pupil.evaluate(date(2026, 5, 11)), TaskKind.SICKNESS_RETURN);

    assertThat(returns).extracting(TaskProposal::raisedOn).containsExactly(date(2026, 1, 27), date(2026, 5, 11));
    assertThat(returns.get(1).dedupeKey()).isEqualTo("T-SICK15:" + Pupils.PUPIL + ":period:2026-04-20:AM");
  }

  @Test
  void case_27_a_new_continuous_illness_expected_to_last_fifteen_days_raises_its_own_return_at_once() {
    Pupils pupil = shortIllnesses(date(2026, 4, 21)).code("I", date(2026, 4, 20), date(2026, 4, 21)).expectedBackOn(date(2026, 5, 18));

    List<TaskProposal> returns = ofKind(pupil.evaluate(date(2026, 4, 21)), TaskKind.SICKNESS_RETURN);

    assertThat(returns).extracting(TaskProposal::raisedOn).containsExactly(date(2026, 1, 27), date(2026, 4, 21));
  }

  @Test
  void case_28_a_doctors_note_on_day_two_giving_four_weeks_off_raises_the_return_immediately() {
    Pupils pupil = Pupils.presentUntil(date(2025, 9, 5)).code("I", date(2025, 9, 8), date(2025, 9, 9)).expectedBackOn(date(2025, 10, 7));

    List<TaskProposal> returns = ofKind(pupil.evaluate(date(2025, 9, 9)), TaskKind.SICKNESS_RETURN);

    assertThat(returns).extracting(TaskProposal::dueDate).containsExactly(date(2025, 9, 9));
    assertThat(returns.get(0).details()).contains("expected back on Tue 7 Oct");
  }

  @Test
  void case_28_the_predicted_and_the_actual_return_for_the_same_illness_are_one_task() {
    Pupils pupil = Pupils.presentUntil(date(2025, 9, 5)).code("I", date(2025, 9, 8), date(2025, 9, 29)).expectedBackOn(date(2025, 10, 7));

    List<String> onDayTwo =
        ofKind(Pupils.presentUntil(date(2025, 9, 5)).code("I", date(2025, 9, 8), date(2025, 9, 9)).expectedBackOn(date(2025, 10, 7))
                .evaluate(date(2025, 9, 9)), TaskKind.SICKNESS_RETURN)
            .stream().map(TaskProposal::dedupeKey).toList();
    List<TaskProposal> later = ofKind(pupil.evaluate(date(2025, 9, 29)), TaskKind.SICKNESS_RETURN);

    assertThat(later).hasSize(1);
    assertThat(later.get(0).dedupeKey()).isEqualTo(onDayTwo.get(0));
  }

  @Test
  void a_note_for_one_week_off_raises_no_sickness_return() {
    Pupils pupil = Pupils.presentUntil(date(2025, 9, 5)).code("I", date(2025, 9, 8), date(2025, 9, 9)).expectedBackOn(date(2025, 9, 15));

    assertThat(ofKind(pupil.evaluate(date(2025, 9, 9)), TaskKind.SICKNESS_RETURN)).isEmpty();
  }
}

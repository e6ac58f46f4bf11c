package org.schoolgate.attendance.domain.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolgate.attendance.domain.triggers.Pupils.ofKind;
import static org.schoolgate.attendance.domain.triggers.Section9Calendar.date;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Compulsory school age (§0.2) and the tasks that only apply to pupils of that age. */
class CompulsorySchoolAgeTest {

  @Test
  void a_child_becomes_of_compulsory_school_age_on_the_prescribed_day_after_the_fifth_birthday() {
    assertThat(CompulsorySchoolAge.forBirthDate(date(2021, 1, 15)).from()).isEqualTo(date(2026, 3, 31));
    assertThat(CompulsorySchoolAge.forBirthDate(date(2021, 5, 1)).from()).isEqualTo(date(2026, 8, 31));
    assertThat(CompulsorySchoolAge.forBirthDate(date(2021, 10, 2)).from()).isEqualTo(date(2026, 12, 31));
    assertThat(CompulsorySchoolAge.forBirthDate(date(2021, 3, 31)).from()).as("fifth birthday on a prescribed day").isEqualTo(date(2026, 3, 31));
  }

  @Test
  void compulsory_school_age_ends_on_the_last_friday_in_june_of_the_school_year_the_pupil_turns_sixteen() {
    // turns 16 on 10 Nov 2025: school year 2025/26, last Friday in June 2026 is 26 Jun
    assertThat(CompulsorySchoolAge.forBirthDate(date(2009, 11, 10)).to()).isEqualTo(date(2026, 6, 26));
    // turns 16 on 15 Jul 2026, after that Friday: still 26 Jun 2026
    assertThat(CompulsorySchoolAge.forBirthDate(date(2010, 7, 15)).to()).isEqualTo(date(2026, 6, 26));
    assertThat(CompulsorySchoolAge.forBirthDate(date(2010, 7, 15)).covers(date(2026, 6, 29))).isFalse();
  }

  @Test
  void a_reception_pupil_not_yet_of_compulsory_school_age_gets_visits_but_no_attendance_return_or_penalty_notice() {
    Pupils reception =
        Pupils.presentUntil(date(2025, 9, 26)).bornOn(date(2021, 1, 15)).code("O", date(2025, 9, 15), date(2025, 9, 26));

    List<TaskProposal> tasks = reception.evaluate(date(2025, 9, 26));

    assertThat(ofKind(tasks, TaskKind.HOME_VISIT)).as("safeguarding applies at every age").isNotEmpty();
    assertThat(ofKind(tasks, TaskKind.SAFEGUARDING_ESCALATION)).isNotEmpty();
    assertThat(ofKind(tasks, TaskKind.ATTENDANCE_RETURN)).isEmpty();
    assertThat(ofKind(tasks, TaskKind.PENALTY_NOTICE_CONSIDERATION)).isEmpty();
    assertThat(ofKind(tasks, TaskKind.IRREGULAR_ATTENDANCE_RETURN)).isEmpty();
  }

  @Test
  void the_same_absence_for_a_pupil_of_compulsory_school_age_brings_the_return_and_penalty_consideration() {
    List<TaskProposal> tasks = Pupils.presentUntil(date(2025, 9, 26)).code("O", date(2025, 9, 15), date(2025, 9, 26)).evaluate(date(2025, 9, 26));

    assertThat(ofKind(tasks, TaskKind.ATTENDANCE_RETURN)).hasSize(1);
    assertThat(ofKind(tasks, TaskKind.PENALTY_NOTICE_CONSIDERATION)).hasSize(1);
    assertThat(ofKind(tasks, TaskKind.IRREGULAR_ATTENDANCE_RETURN)).extracting(TaskProposal::dueDate).containsExactly(date(2025, 9, 30));
  }

  @Test
  void a_reception_pupil_gets_no_sickness_return() {
    Pupils reception = Pupils.presentUntil(date(2025, 10, 10)).bornOn(date(2021, 1, 15)).code("I", date(2025, 9, 15), date(2025, 10, 10));

    assertThat(ofKind(reception.evaluate(date(2025, 10, 10)), TaskKind.SICKNESS_RETURN)).isEmpty();
    assertThat(ofKind(reception.evaluate(date(2025, 10, 10)), TaskKind.WELFARE_CHECK)).isNotEmpty();
  }
}

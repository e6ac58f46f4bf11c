package org.schoolgate.attendance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolgate.attendance.domain.AttendanceFiguresTest.CODES;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.directory.domain.Session;

/** Days, hours, lessons and weeks missed, and the year table (attendance rules §3.5, §3.6). */
class MissedLearningTest {

  static List<SessionMark> absences(int mornings, int afternoons, String code) {
    List<SessionMark> marks = new ArrayList<>();
    LocalDate day = LocalDate.of(2025, 9, 8);
    for (int i = 0; i < mornings; i++) {
      marks.add(SessionMark.of(day.plusDays(i), Session.AM, CODES.get(code)));
    }
    for (int i = 0; i < afternoons; i++) {
      marks.add(SessionMark.of(day.plusDays(i), Session.PM, CODES.get(code)));
    }
    return marks;
  }

  @Test
  void case_35_hours_and_lessons_follow_each_sessions_own_length() {
    SessionLengths lengths = new SessionLengths(new BigDecimal("3.0"), new BigDecimal("2.0"), 3, 2);

    MissedLearning missed = MissedLearning.of(absences(5, 3, "I"), lengths);

    assertThat(missed.days()).isEqualByComparingTo("4.0");
    assertThat(missed.hours()).isEqualByComparingTo("21.0");
    assertThat(missed.lessons()).isEqualTo(21);
  }

  @Test
  void case_36_twenty_eight_sessions_are_fourteen_days_seventy_hours_and_two_point_eight_weeks() {
    SessionLengths lengths = new SessionLengths(new BigDecimal("2.5"), new BigDecimal("2.5"), 3, 2);

    MissedLearning missed = MissedLearning.of(absences(14, 14, "O"), lengths);

    assertThat(missed.days()).isEqualByComparingTo("14");
    assertThat(missed.hours()).isEqualByComparingTo("70");
    assertThat(missed.weeks()).isEqualByComparingTo("2.8");
  }

  @Test
  void sessions_attended_or_not_counted_cost_no_learning() {
    List<SessionMark> marks = new ArrayList<>(absences(3, 0, "/"));
    marks.addAll(absences(0, 2, "X"));
    marks.addAll(absences(0, 1, "M"));

    MissedLearning missed = MissedLearning.of(marks, new SessionLengths(new BigDecimal("3"), new BigDecimal("2"), 3, 2));

    assertThat(missed.sessions()).isEqualTo(1);
    assertThat(missed.days()).isEqualByComparingTo("0.5");
    assertThat(missed.hours()).isEqualByComparingTo("2");
  }

  @Test
  void case_37_the_generated_year_table_uses_the_schools_own_year_and_the_seed_table_is_kept_verbatim() {
    SessionLengths lengths = new SessionLengths(new BigDecimal("2.5"), new BigDecimal("2.5"), 3, 2);

    LearningLostTable.Row ninetyFive = LearningLostTable.generated(95, 190, lengths);

    assertThat(ninetyFive.daysOff()).isEqualByComparingTo("9.5");
    assertThat(ninetyFive.hoursLost()).isEqualByComparingTo("47.5");
    assertThat(ninetyFive.weeksOff()).isEqualByComparingTo("1.9");
    assertThat(LearningLostTable.verbatim())
        .filteredOn(r -> r.percent().intValue() == 95)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.daysInSchool()).isEqualByComparingTo("180");
          assertThat(r.daysOff()).isEqualByComparingTo("10");
          assertThat(r.weeksOff()).isEqualByComparingTo("2");
          assertThat(r.hoursLost()).isEqualByComparingTo("50");
        });
    assertThat(LearningLostTable.verbatim())
        .filteredOn(r -> r.percent().intValue() == 96)
        .singleElement()
        .satisfies(r -> assertThat(r.weeksOff()).isEqualByComparingTo("1.5"));
  }

  @Test
  void case_38_a_pupil_is_compared_with_the_rest_of_the_class_leaving_them_out() {
    AttendanceFigures a = AttendanceFiguresTest.attended(190, 200);
    AttendanceFigures b = AttendanceFiguresTest.attended(150, 160);
    AttendanceFigures c = AttendanceFiguresTest.attended(180, 200);

    CohortComparison compared = CohortComparison.of(c, a.plus(b).plus(c)).orElseThrow();

    assertThat(compared.othersRate().forStaff()).isEqualTo("94.44");
    assertThat(compared.expectedAbsences()).isEqualByComparingTo("11.1");
    assertThat(compared.aboutMoreSessions()).contains(9);
  }

  @Test
  void a_pupil_at_or_above_the_group_gets_no_comparison_of_missed_sessions() {
    AttendanceFigures a = AttendanceFiguresTest.attended(190, 200);
    AttendanceFigures b = AttendanceFiguresTest.attended(180, 200);

    assertThat(CohortComparison.of(a, a.plus(b)).orElseThrow().aboutMoreSessions()).isEmpty();
  }

  @Test
  void there_is_no_comparison_before_anyone_has_a_possible_session() {
    assertThat(CohortComparison.of(AttendanceFigures.NONE, AttendanceFiguresTest.attended(10, 10))).isEmpty();
    AttendanceFigures alone = AttendanceFiguresTest.attended(9, 10);
    assertThat(CohortComparison.of(alone, alone)).isEmpty();
  }
}

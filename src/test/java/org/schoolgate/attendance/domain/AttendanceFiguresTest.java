package org.schoolgate.attendance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.directory.domain.ThresholdComparator;

/** The figures of attendance rules §3, checked against the test cases of §9. */
class AttendanceFiguresTest {

  static final CodeBook CODES = CodeBook.standard();
  static final LocalDate MONDAY = LocalDate.of(2025, 9, 8);

  /** Marks with the given codes, each code repeated, on consecutive sessions. */
  static List<SessionMark> marks(Object... codeAndCount) {
    List<SessionMark> marks = new ArrayList<>();
    int n = 0;
    for (int i = 0; i < codeAndCount.length; i += 2) {
      AttendanceCode code = CODES.get((String) codeAndCount[i]);
      for (int k = 0; k < (Integer) codeAndCount[i + 1]; k++, n++) {
        marks.add(SessionMark.of(MONDAY.plusDays(n / 2), n % 2 == 0 ? Session.AM : Session.PM, code));
      }
    }
    return marks;
  }

  static AttendanceFigures attended(int attended, int possible) {
    return new AttendanceFigures(possible, attended, possible - attended, 0, 0, 0);
  }

  @Test
  void case_1_approved_activities_and_lates_count_as_attended() {
    AttendanceFigures f = AttendanceFigures.of(marks("/", 92, "L", 3, "B", 2, "I", 2, "O", 1));

    assertThat(f.possible()).isEqualTo(100);
    assertThat(f.attended()).isEqualTo(97);
    assertThat(f.attendanceRate().orElseThrow().forParents()).isEqualTo("97.0");
    assertThat(f.authorisedRate().orElseThrow().forParents()).isEqualTo("2.0");
    assertThat(f.unauthorisedRate().orElseThrow().forParents()).isEqualTo("1.0");
    assertThat(f.absent()).isEqualTo(3);
    assertThat(f.lates()).isEqualTo(3);
    assertThat(f.persistentlyAbsent()).isFalse();
  }

  @Test
  void case_2_a_pupil_at_exactly_ninety_percent_is_persistently_absent() {
    AttendanceFigures f = AttendanceFigures.of(marks("/", 180, "I", 12, "O", 8));

    assertThat(f.persistentlyAbsent()).isTrue();
    Rate rate = f.attendanceRate().orElseThrow();
    assertThat(rate.isUnder(ThresholdComparator.AT_OR_BELOW, new BigDecimal("90"))).isTrue();
    assertThat(rate.isUnder(ThresholdComparator.BELOW, new BigDecimal("90"))).isFalse();
  }

  @Test
  void case_3_ninety_and_a_half_percent_is_not_persistently_absent() {
    assertThat(attended(181, 200).persistentlyAbsent()).isFalse();
  }

  @Test
  void case_4_a_pupil_just_above_ninety_shows_ninety_point_zero_and_is_not_persistently_absent() {
    AttendanceFigures f = attended(253, 281);

    assertThat(f.attendanceRate().orElseThrow().forParents()).isEqualTo("90.0");
    assertThat(f.absenceRate().orElseThrow().forStaff()).isEqualTo("9.96");
    assertThat(f.persistentlyAbsent()).isFalse();
  }

  @Test
  void case_5_a_pupil_just_below_ninety_is_shown_eighty_nine_point_nine_never_rounded_up() {
    AttendanceFigures f = attended(251, 279);

    assertThat(f.attendanceRate().orElseThrow().forParents()).isEqualTo("89.9");
    assertThat(f.persistentlyAbsent()).isTrue();
    assertThat(f.attendanceRate().orElseThrow().isUnder(ThresholdComparator.BELOW, new BigDecimal("90"))).isTrue();
  }

  @Test
  void case_6_exactly_fifty_percent_is_severely_and_persistently_absent() {
    AttendanceFigures f = attended(50, 100);

    assertThat(f.severelyAbsent()).isTrue();
    assertThat(f.persistentlyAbsent()).isTrue();
  }

  @Test
  void case_7_forty_nine_percent_is_severely_absent() {
    assertThat(attended(49, 100).severelyAbsent()).isTrue();
    assertThat(attended(51, 100).severelyAbsent()).isFalse();
  }

  @Test
  void case_8_no_possible_sessions_gives_no_rates_and_no_flags() {
    AttendanceFigures f = AttendanceFigures.of(marks("X", 4));

    assertThat(f).isEqualTo(AttendanceFigures.NONE);
    assertThat(f.hasSessions()).isFalse();
    assertThat(f.attendanceRate()).isEmpty();
    assertThat(f.absenceRate()).isEmpty();
    assertThat(f.persistentlyAbsent()).isFalse();
    assertThat(f.severelyAbsent()).isFalse();
  }

  @Test
  void case_9_sessions_not_counted_are_left_out_of_possible() {
    AttendanceFigures f = AttendanceFigures.of(marks("/", 10, "X", 4, "Z", 6, "#", 2, "D", 2, "Y4", 2));

    assertThat(f.possible()).isEqualTo(10);
    assertThat(f.attendanceRate().orElseThrow().forParents()).isEqualTo("100.0");
  }

  @Test
  void case_14_a_late_after_the_register_closed_is_unauthorised_and_counted_as_a_late() {
    AttendanceFigures f = AttendanceFigures.of(marks("/", 9, "U", 1));

    assertThat(f.attendanceRate().orElseThrow().forParents()).isEqualTo("90.0");
    assertThat(f.unauthorisedRate().orElseThrow().forParents()).isEqualTo("10.0");
    assertThat(f.persistentlyAbsent()).isTrue();
    assertThat(f.latesAfterClose()).isEqualTo(1);
    assertThat(f.lates()).isZero();
  }

  @Test
  void case_30_a_part_time_timetable_counts_as_authorised_absence() {
    AttendanceFigures f = AttendanceFigures.of(marks("/", 10, "C2", 10));

    assertThat(f.attendanceRate().orElseThrow().forParents()).isEqualTo("50.0");
    assertThat(f.severelyAbsent()).isTrue();
  }

  @Test
  void case_40_the_contract_example_holds_and_a_figure_that_breaks_the_invariant_is_refused() {
    AttendanceFigures f = new AttendanceFigures(230, 92, 22, 116, 23, 30);

    assertThat(f.attendanceRate().orElseThrow().forStaff()).isEqualTo("40.00");
    assertThat(f.unauthorisedRate().orElseThrow().forStaff()).isEqualTo("50.43");
    assertThat(f.authorisedRate().orElseThrow().forStaff()).isEqualTo("9.57");
    assertThat(f.severelyAbsent()).isTrue();
    assertThatThrownBy(() -> new AttendanceFigures(230, 92, 22, 115, 23, 30))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must equal possible sessions (230)");
  }

  @Test
  void legacy_codes_still_count_for_historic_sessions() {
    AttendanceFigures f = AttendanceFigures.of(marks("/", 8, "H", 2));

    assertThat(f.authorised()).isEqualTo(2);
    assertThat(f.possible()).isEqualTo(10);
  }

  @Test
  void pooled_figures_add_sessions_not_percentages() {
    AttendanceFigures pooled = attended(190, 200).plus(attended(150, 160)).plus(attended(180, 200));

    // Case 38: 520 of 560 = 92.857%, not the mean of 95.0, 93.75 and 90.0 (92.917%).
    assertThat(pooled.attendanceRate().orElseThrow().forStaff()).isEqualTo("92.86");
  }
}

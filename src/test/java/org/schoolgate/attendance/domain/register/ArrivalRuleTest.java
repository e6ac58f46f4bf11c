package org.schoolgate.attendance.domain.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.schoolgate.attendance.domain.fixture.Section9.CODES;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.schoolgate.directory.domain.RegisterTimes;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.platform.validation.InvalidInputException;

/** The mark an arrival time gives (attendance rules R1.2, R1.3) against §9 cases 12 and 13. */
class ArrivalRuleTest {

  static final LocalTime PM_OPEN = LocalTime.of(13, 0);
  static final LocalTime AM_END = LocalTime.of(12, 0);
  static final LocalTime PM_END = LocalTime.of(15, 15);

  /** Case 12: the morning register opens 08:50 and closes 09:20; the morning ends 12:00. */
  static final ArrivalRule RULE =
      new ArrivalRule(CODES, RegisterTimes.ofWindow(LocalTime.of(8, 50), LocalTime.of(9, 20), PM_OPEN, AM_END, PM_END));

  static String codeAt(Session session, int hour, int minute, int second) {
    return RULE.arrive(session, LocalTime.of(hour, minute, second)).code().code();
  }

  @Test
  void case_12_five_past_nine_is_late_before_the_register_closed() {
    Arrival a = RULE.arrive(Session.AM, LocalTime.of(9, 5));

    assertThat(a.code().code()).isEqualTo("L");
    assertThat(a.minutesLate()).isEqualTo(15);
    assertThat(a.code().countsAs().isAbsence()).isFalse();
  }

  @Test
  void case_12_one_second_before_the_close_is_still_late_not_unauthorised() {
    Arrival a = RULE.arrive(Session.AM, LocalTime.of(9, 19, 59));

    assertThat(a.code().code()).isEqualTo("L");
    assertThat(a.minutesLate()).isEqualTo(29);
  }

  @Test
  void case_12_arriving_on_the_second_the_register_closes_is_u() {
    Arrival a = RULE.arrive(Session.AM, LocalTime.of(9, 20, 0));

    assertThat(a.code().code()).isEqualTo("U");
    assertThat(a.minutesLate()).isEqualTo(30);
    assertThat(a.toMark(LocalDate.of(2025, 9, 8)).minutesLate()).isEqualTo(30);
  }

  @Test
  void case_12_arriving_after_the_morning_ended_is_n_for_the_morning_not_u() {
    Arrival a = RULE.arrive(Session.AM, LocalTime.of(12, 10));

    assertThat(a.code().code()).isEqualTo("N");
    assertThat(a.afterSessionEnded()).isTrue();
    assertThat(a.minutesLate()).isNull();
  }

  @Test
  void case_12_a_known_reason_replaces_n_for_a_session_missed_entirely() {
    assertThat(RULE.arrive(Session.AM, LocalTime.of(12, 10), CODES.get("M")).code().code()).isEqualTo("M");
    assertThatThrownBy(() -> RULE.arrive(Session.AM, LocalTime.of(12, 10), CODES.get("U")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> RULE.arrive(Session.AM, LocalTime.of(12, 10), CODES.get("/")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void a_pupil_there_when_the_register_opens_is_present_with_the_sessions_own_mark() {
    assertThat(codeAt(Session.AM, 8, 40, 0)).isEqualTo("/");
    assertThat(codeAt(Session.AM, 8, 50, 0)).isEqualTo("/");
    assertThat(codeAt(Session.AM, 8, 50, 1)).isEqualTo("L");
    assertThat(codeAt(Session.PM, 12, 55, 0)).isEqualTo("\\");
  }

  @Test
  void the_afternoon_register_has_its_own_thirty_minute_window() {
    assertThat(codeAt(Session.PM, 13, 29, 59)).isEqualTo("L");
    assertThat(codeAt(Session.PM, 13, 30, 0)).isEqualTo("U");
    assertThat(codeAt(Session.PM, 15, 15, 0)).isEqualTo("N");
  }

  @Test
  void case_13_register_times_open_from_eight_forty_five_to_nine_thirty_are_refused() {
    assertThatThrownBy(
            () -> new ArrivalRule(CODES, new RegisterTimes(LocalTime.of(8, 45), PM_OPEN, 45, AM_END, PM_END)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("register open time may not exceed 30 minutes");
    assertThatThrownBy(
            () -> RegisterTimes.ofWindow(LocalTime.of(8, 45), LocalTime.of(9, 30), PM_OPEN, AM_END, PM_END))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("register open time may not exceed 30 minutes");
  }
}

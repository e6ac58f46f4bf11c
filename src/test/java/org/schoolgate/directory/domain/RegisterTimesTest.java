package org.schoolgate.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.schoolgate.platform.validation.InvalidInputException;

/** Register open and close times (attendance rules R1.2, §0.3 register.close_after_min). */
class RegisterTimesTest {

  private static final LocalTime AM_OPEN = LocalTime.of(8, 50);
  private static final LocalTime PM_OPEN = LocalTime.of(13, 0);
  private static final LocalTime AM_END = LocalTime.of(12, 0);
  private static final LocalTime PM_END = LocalTime.of(15, 15);

  private static RegisterTimes openFor(int minutes) {
    return new RegisterTimes(AM_OPEN, PM_OPEN, minutes, AM_END, PM_END);
  }

  private static InvalidInputException refusal(RegisterTimes times) {
    try {
      times.validate();
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("expected " + times + " to be refused");
  }

  @Test
  void a_register_open_for_thirty_minutes_is_accepted_and_closes_thirty_minutes_after_opening() {
    RegisterTimes times = openFor(30);
    times.validate();
    assertThat(times.amClose()).isEqualTo(LocalTime.of(9, 20));
    assertThat(times.pmClose()).isEqualTo(LocalTime.of(13, 30));
  }

  @Test
  void a_register_open_for_thirty_one_minutes_is_refused() {
    InvalidInputException e = refusal(openFor(31));
    assertThat(e.field()).isEqualTo("closeAfterMinutes");
    assertThat(e.getMessage()).isEqualTo("The register open time may not exceed 30 minutes");
  }

  @Test
  void a_register_that_never_opens_is_refused() {
    assertThat(refusal(openFor(0)).field()).isEqualTo("closeAfterMinutes");
    assertThat(refusal(openFor(-5)).field()).isEqualTo("closeAfterMinutes");
  }

  @Test
  void a_register_open_for_one_minute_is_accepted() {
    openFor(1).validate();
    assertThat(openFor(1).amClose()).isEqualTo(LocalTime.of(8, 51));
  }

  @Test
  void both_registers_stay_open_for_the_same_number_of_minutes() {
    RegisterTimes times = openFor(20);
    assertThat(java.time.Duration.between(times.open(Session.AM), times.close(Session.AM)))
        .isEqualTo(java.time.Duration.between(times.open(Session.PM), times.close(Session.PM)))
        .hasMinutes(20);
  }

  @Test
  void a_register_window_from_eight_fifty_to_nine_twenty_is_accepted() {
    // rules §9 case 12
    RegisterTimes times = RegisterTimes.ofWindow(LocalTime.of(8, 50), LocalTime.of(9, 20), PM_OPEN, AM_END, PM_END);
    assertThat(times.closeAfterMinutes()).isEqualTo(30);
    assertThat(times.close(Session.AM)).isEqualTo(LocalTime.of(9, 20));
  }

  @Test
  void a_close_time_thirty_seconds_past_the_thirty_minutes_is_refused_not_rounded_down() {
    assertThatThrownBy(
            () -> RegisterTimes.ofWindow(LocalTime.of(8, 50), LocalTime.of(9, 20, 30), PM_OPEN, AM_END, PM_END))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("whole number of minutes");
  }

  @Test
  void a_register_window_from_eight_forty_five_to_nine_thirty_is_refused() {
    // rules §9 case 13: "register open time may not exceed 30 minutes"
    assertThatThrownBy(() -> RegisterTimes.ofWindow(LocalTime.of(8, 45), LocalTime.of(9, 30), PM_OPEN, AM_END, PM_END))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("register open time may not exceed 30 minutes");
  }

  @Test
  void a_register_window_that_closes_before_it_opens_is_refused() {
    assertThatThrownBy(() -> RegisterTimes.ofWindow(LocalTime.of(9, 0), LocalTime.of(8, 50), PM_OPEN, AM_END, PM_END))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("closeAfterMinutes"));
  }

  @Test
  void every_time_must_be_given() {
    assertThat(refusal(new RegisterTimes(null, PM_OPEN, 30, AM_END, PM_END)).field()).isEqualTo("registerTimes");
    assertThat(refusal(new RegisterTimes(AM_OPEN, null, 30, AM_END, PM_END)).field()).isEqualTo("registerTimes");
    assertThat(refusal(new RegisterTimes(AM_OPEN, PM_OPEN, 30, null, PM_END)).field()).isEqualTo("registerTimes");
    assertThat(refusal(new RegisterTimes(AM_OPEN, PM_OPEN, 30, AM_END, null)).field()).isEqualTo("registerTimes");
  }

  @Test
  void the_morning_session_must_end_after_its_register_closes() {
    assertThat(refusal(new RegisterTimes(AM_OPEN, PM_OPEN, 30, LocalTime.of(9, 20), PM_END)).field()).isEqualTo("amEnd");
    new RegisterTimes(AM_OPEN, PM_OPEN, 30, LocalTime.of(9, 21), PM_END).validate();
  }

  @Test
  void the_afternoon_register_may_open_when_the_morning_ends_but_not_before() {
    new RegisterTimes(AM_OPEN, LocalTime.of(12, 0), 30, AM_END, PM_END).validate();
    assertThat(refusal(new RegisterTimes(AM_OPEN, LocalTime.of(11, 59), 30, AM_END, PM_END)).field()).isEqualTo("pmOpen");
  }

  @Test
  void the_afternoon_session_must_end_after_its_register_closes() {
    assertThat(refusal(new RegisterTimes(AM_OPEN, PM_OPEN, 30, AM_END, LocalTime.of(13, 30))).field()).isEqualTo("pmEnd");
  }

  @Test
  void each_session_knows_when_it_ends() {
    RegisterTimes times = openFor(30);
    assertThat(times.end(Session.AM)).isEqualTo(AM_END);
    assertThat(times.end(Session.PM)).isEqualTo(PM_END);
    assertThat(times.open(Session.PM)).isEqualTo(PM_OPEN);
  }
}

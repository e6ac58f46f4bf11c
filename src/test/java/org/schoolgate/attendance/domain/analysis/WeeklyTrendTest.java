package org.schoolgate.attendance.domain.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolgate.attendance.domain.fixture.Section9.CALENDAR;
import static org.schoolgate.attendance.domain.fixture.Section9.date;
import static org.schoolgate.attendance.domain.fixture.Section9.mark;
import static org.schoolgate.attendance.domain.fixture.Section9.week;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.Rate;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.attendance.domain.response.Stage;
import org.schoolgate.attendance.domain.response.StagePolicy;
import org.schoolgate.attendance.domain.response.StageSettings;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.directory.domain.StageModel;
import org.schoolgate.directory.domain.StageThresholds;

/** Weekly and cumulative rates and the trend rules of attendance rules §3.7 (§9 cases 17, 29, 39). */
class WeeklyTrendTest {

  static final LocalDate WEEK_1 = date(2025, 9, 1);
  static final StageSettings LAP = new StageSettings(StageModel.FOUR_STAGE, StageThresholds.dfeDefaults(), 10);

  /**
   * Case 39: cumulative 58/60 at week 6, 66/70 at week 7, 73/80 at week 8 (20 Oct); after half term
   * week 9 (INSET Monday, 8 sessions) and week 10 take it to 79/88 and 87/98.
   */
  static List<SessionMark> case39() {
    int[] absences = {0, 0, 2, 0, 0, 0, 2, 3};
    List<SessionMark> marks = new ArrayList<>();
    for (int i = 0; i < absences.length; i++) {
      marks.addAll(week(WEEK_1.plusWeeks(i), absences[i], "O"));
    }
    marks.addAll(week(date(2025, 11, 3), 2, "O"));
    marks.addAll(week(date(2025, 11, 10), 2, "O"));
    return marks;
  }

  static final WeeklyTrend CASE_39 = WeeklyTrend.of(case39(), CALENDAR);

  @Test
  void case_39_cumulative_rates_at_the_end_of_weeks_six_to_eight_are_exact() {
    assertThat(CASE_39.week(6).cumulativeRate()).contains(new Rate(58, 60));
    assertThat(CASE_39.week(7).cumulativeRate()).contains(new Rate(66, 70));
    assertThat(CASE_39.week(8).cumulativeRate()).contains(new Rate(73, 80));
    assertThat(CASE_39.week(8).weekRate()).contains(new Rate(7, 10));
    assertThat(CASE_39.week(7).cumulativeRate().orElseThrow().forStaff()).isEqualTo("94.29");
  }

  @Test
  void case_39_week_7_is_a_decline_over_one_week_and_enters_listen_and_understand() {
    assertThat(CASE_39.declineOverOneWeek(7)).isTrue();
    assertThat(CASE_39.declineOverOneWeek(6)).isFalse();
    assertThat(CASE_39.direction(7)).isEqualTo(WeeklyTrend.Direction.FALLING);
    assertThat(StagePolicy.recommend(CASE_39.week(7).cumulative(), LAP, Stage.S0, Optional.empty(), false).recommended())
        .isEqualTo(Stage.S1);
  }

  @Test
  void case_39_a_drop_of_two_point_three_eight_points_is_not_a_decline_when_delta_is_three() {
    assertThat(CASE_39.declineOverOneWeek(7, new BigDecimal("3.0"))).isFalse();
    assertThat(CASE_39.declineOverOneWeek(7, new BigDecimal("2.38"))).isTrue();
    assertThat(CASE_39.declineOverOneWeek(7, new BigDecimal("2.39"))).isFalse();
  }

  @Test
  void case_39_week_8_is_a_decline_over_two_weeks() {
    assertThat(CASE_39.declineOverTwoWeeks(8)).isTrue();
    assertThat(CASE_39.declineOverTwoWeeks(7)).as("week 6 rose").isFalse();
  }

  @Test
  void case_39_half_term_is_not_a_school_week_so_week_9_follows_week_8() {
    assertThat(CASE_39.week(9).monday()).isEqualTo(date(2025, 11, 3));
    assertThat(CASE_39.week(9).week().possible()).as("INSET Monday").isEqualTo(8);
    assertThat(CASE_39.weekOf(date(2025, 10, 29))).isEmpty();
  }

  @Test
  void case_39_review_at_week_8_is_lower_than_week_6_but_above_ninety_so_not_declining_for_formalise_and_enforce() {
    FortnightlyReview review = CASE_39.review(8);

    assertThat(review.lowerThanLastReview()).isTrue();
    assertThat(review.declining(StageThresholds.dfeDefaults())).isFalse();
  }

  @Test
  void case_39_at_the_next_fortnightly_review_below_ninety_and_lower_than_before_makes_formalise_and_enforce_eligible() {
    FortnightlyReview review = CASE_39.review(10);
    AttendanceFigures now = CASE_39.week(10).cumulative();

    assertThat(review.now()).isEqualTo(new Rate(87, 98));
    assertThat(review.previous()).contains(new Rate(73, 80));
    assertThat(review.declining(StageThresholds.dfeDefaults())).isTrue();
    assertThat(StagePolicy.recommend(now, LAP, Stage.S1, review.previous(), false).recommended()).isEqualTo(Stage.S3);
  }

  @Test
  void case_17_the_bank_holiday_week_has_eight_possible_sessions_and_full_attendance() {
    WeeklyTrend trend = WeeklyTrend.of(week(date(2026, 5, 4), 0, "O"), CALENDAR);

    WeeklyTrend.Week bankHoliday = trend.weekOf(date(2026, 5, 6)).orElseThrow();
    assertThat(bankHoliday.week().possible()).isEqualTo(8);
    assertThat(bankHoliday.weekRate().orElseThrow().forParents()).isEqualTo("100.0");
  }

  @Test
  void case_29_a_dual_registered_pupil_has_twenty_four_possible_sessions_in_four_weeks() {
    List<SessionMark> marks = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      List<SessionMark> week = week(date(2025, 9, 8).plusWeeks(w), 4, "D");
      marks.addAll(week);
    }
    WeeklyTrend trend = WeeklyTrend.of(marks, CALENDAR);

    assertThat(trend.weeks()).hasSize(4);
    assertThat(trend.week(4).cumulative().possible()).isEqualTo(24);
    assertThat(trend.week(4).cumulativeRate().orElseThrow().forParents()).isEqualTo("100.0");
    assertThat(marks.stream().filter(m -> m.code().code().equals("D")).map(m -> m.date().getDayOfWeek()).distinct())
        .containsExactlyInAnyOrder(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
  }

  @Test
  void a_class_has_a_pooled_trend_arrow_from_summed_sessions() {
    WeeklyTrend a = WeeklyTrend.of(join(week(WEEK_1, 0, "O"), week(WEEK_1.plusWeeks(1), 0, "O")), CALENDAR);
    WeeklyTrend b = WeeklyTrend.of(join(week(WEEK_1, 0, "O"), week(WEEK_1.plusWeeks(1), 4, "O")), CALENDAR);

    WeeklyTrend group = WeeklyTrend.pooled(List.of(a, b));

    assertThat(group.week(2).week().possible()).isEqualTo(20);
    assertThat(group.week(2).cumulativeRate()).contains(new Rate(36, 40));
    assertThat(group.direction(2)).isEqualTo(WeeklyTrend.Direction.FALLING);
    assertThat(group.direction(1)).isEqualTo(WeeklyTrend.Direction.UNKNOWN);
    assertThat(a.direction(2)).isEqualTo(WeeklyTrend.Direction.STEADY);
  }

  @Test
  void a_pupil_whose_recent_twenty_sessions_fall_below_ninety_shows_an_emerging_pattern_while_cumulative_is_high() {
    List<SessionMark> marks = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      marks.addAll(week(WEEK_1.plusWeeks(w), 0, "O"));
    }
    marks.addAll(week(WEEK_1.plusWeeks(6), 1, "O"));
    marks.addAll(week(WEEK_1.plusWeeks(7), 2, "O"));

    assertThat(WeeklyTrend.latestSessionsRate(marks, 20)).contains(new Rate(17, 20));
    assertThat(WeeklyTrend.emergingPattern(marks, StageThresholds.dfeDefaults())).isTrue();
    assertThat(WeeklyTrend.emergingPattern(marks.subList(60, 80), StageThresholds.dfeDefaults()))
        .as("cumulative is low too: no longer emerging")
        .isFalse();
    assertThat(WeeklyTrend.emergingPattern(marks.subList(70, 80), StageThresholds.dfeDefaults()))
        .as("fewer than 20 possible sessions")
        .isFalse();
  }

  @Test
  void a_pupil_with_only_not_counted_sessions_has_no_rate_and_no_trend() {
    WeeklyTrend trend = WeeklyTrend.of(List.of(mark(WEEK_1, Session.AM, "X"), mark(WEEK_1.plusWeeks(1), Session.AM, "X")), CALENDAR);

    assertThat(trend.week(2).cumulativeRate()).isEmpty();
    assertThat(trend.declineOverOneWeek(2)).isFalse();
    assertThat(trend.direction(2)).isEqualTo(WeeklyTrend.Direction.UNKNOWN);
  }

  @SafeVarargs
  static List<SessionMark> join(List<SessionMark>... weeks) {
    List<SessionMark> all = new ArrayList<>();
    for (List<SessionMark> w : weeks) {
      all.addAll(w);
    }
    return all;
  }
}

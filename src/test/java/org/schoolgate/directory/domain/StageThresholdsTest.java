package org.schoolgate.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * Graduated-response thresholds and their comparators (attendance rules §0.3, §3.3, §5, product
 * decision 1; the boundary cases of §9).
 */
class StageThresholdsTest {

  private static final BigDecimal NINETY_SIX = new BigDecimal("96");
  private static final BigDecimal NINETY_FIVE = new BigDecimal("95");
  private static final BigDecimal NINETY = new BigDecimal("90");
  private static final BigDecimal FIFTY = new BigDecimal("50");

  private static StageThresholds thresholds(
      String listen, ThresholdComparator lc, String facilitate, ThresholdComparator fc, String enforce, ThresholdComparator ec) {
    return new StageThresholds(new BigDecimal(listen), lc, new BigDecimal(facilitate), fc, new BigDecimal(enforce), ec);
  }

  // --- defaults ---

  @Test
  void the_defaults_are_listen_below_96_facilitate_at_or_below_90_and_enforce_at_or_below_50() {
    StageThresholds defaults = StageThresholds.dfeDefaults();
    assertThat(defaults.listen()).isEqualByComparingTo("96");
    assertThat(defaults.listenComparator()).isEqualTo(ThresholdComparator.BELOW);
    assertThat(defaults.facilitate()).isEqualByComparingTo("90");
    assertThat(defaults.facilitateComparator()).isEqualTo(ThresholdComparator.AT_OR_BELOW);
    assertThat(defaults.enforce()).isEqualByComparingTo("50");
    assertThat(defaults.enforceComparator()).isEqualTo(ThresholdComparator.AT_OR_BELOW);
  }

  @Test
  void the_defaults_are_valid_and_raise_no_warning() {
    StageThresholds.dfeDefaults().validate();
    assertThat(StageThresholds.dfeDefaults().warnings()).isEmpty();
  }

  // --- comparators at the exact boundary ---

  @Test
  void a_pupil_at_exactly_ninety_percent_enters_facilitate_with_at_or_below_but_not_with_below() {
    // rules §9 case 2: 180 of 200
    assertThat(ThresholdComparator.AT_OR_BELOW.matches(180, 200, NINETY)).isTrue();
    assertThat(ThresholdComparator.BELOW.matches(180, 200, NINETY)).isFalse();
  }

  @Test
  void a_pupil_at_ninety_point_five_percent_is_above_facilitate_but_below_listen() {
    // rules §9 case 3: 181 of 200, stage S1
    assertThat(ThresholdComparator.AT_OR_BELOW.matches(181, 200, NINETY)).isFalse();
    assertThat(ThresholdComparator.BELOW.matches(181, 200, NINETY_SIX)).isTrue();
  }

  @Test
  void a_pupil_displayed_as_ninety_point_nought_but_just_above_it_does_not_enter_facilitate() {
    // rules §9 case 4: 253 of 281 is 90.0356%
    assertThat(ThresholdComparator.AT_OR_BELOW.matches(253, 281, NINETY)).isFalse();
    assertThat(ThresholdComparator.BELOW.matches(253, 281, NINETY)).isFalse();
  }

  @Test
  void a_pupil_just_below_ninety_percent_enters_facilitate_under_either_comparator() {
    // rules §9 case 5: 251 of 279 is 89.9642%
    assertThat(ThresholdComparator.AT_OR_BELOW.matches(251, 279, NINETY)).isTrue();
    assertThat(ThresholdComparator.BELOW.matches(251, 279, NINETY)).isTrue();
  }

  @Test
  void a_pupil_at_exactly_fifty_percent_enters_enforce_with_at_or_below_but_not_with_below() {
    // rules §9 case 6: 50 of 100
    assertThat(ThresholdComparator.AT_OR_BELOW.matches(50, 100, FIFTY)).isTrue();
    assertThat(ThresholdComparator.BELOW.matches(50, 100, FIFTY)).isFalse();
    // rules §9 case 7: 49 of 100
    assertThat(ThresholdComparator.BELOW.matches(49, 100, FIFTY)).isTrue();
  }

  @Test
  void a_pupil_at_exactly_ninety_five_percent_is_below_the_lap_listen_line_but_not_the_stoccat_one() {
    // rules §9 case 10: 57 of 60
    assertThat(ThresholdComparator.BELOW.matches(57, 60, NINETY_SIX)).isTrue();
    assertThat(ThresholdComparator.BELOW.matches(57, 60, NINETY_FIVE)).isFalse();
  }

  @Test
  void a_pupil_at_exactly_ninety_six_percent_does_not_enter_listen() {
    assertThat(ThresholdComparator.BELOW.matches(96, 100, NINETY_SIX)).isFalse();
    assertThat(ThresholdComparator.BELOW.matches(95, 100, NINETY_SIX)).isTrue();
  }

  @Test
  void a_threshold_with_decimals_is_compared_exactly() {
    BigDecimal ninetyFivePointFive = new BigDecimal("95.5");
    assertThat(ThresholdComparator.AT_OR_BELOW.matches(191, 200, ninetyFivePointFive)).isTrue();
    assertThat(ThresholdComparator.BELOW.matches(191, 200, ninetyFivePointFive)).isFalse();
    assertThat(ThresholdComparator.BELOW.matches(1909, 2000, ninetyFivePointFive)).isTrue();
  }

  @Test
  void a_pupil_with_no_possible_sessions_meets_no_threshold() {
    // rules §9 case 8: every rate undefined, no trigger
    assertThat(ThresholdComparator.AT_OR_BELOW.matches(0, 0, FIFTY)).isFalse();
    assertThat(ThresholdComparator.BELOW.matches(0, 0, NINETY_SIX)).isFalse();
  }

  @Test
  void comparators_are_read_from_their_symbols() {
    assertThat(ThresholdComparator.ofSymbol("<")).isEqualTo(ThresholdComparator.BELOW);
    assertThat(ThresholdComparator.ofSymbol(" <= ")).isEqualTo(ThresholdComparator.AT_OR_BELOW);
    assertThat(ThresholdComparator.AT_OR_BELOW.symbol()).isEqualTo("<=");
    assertThatThrownBy(() -> ThresholdComparator.ofSymbol(">")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ThresholdComparator.ofSymbol("≤")).isInstanceOf(IllegalArgumentException.class);
  }

  // --- validation ---

  @Test
  void thresholds_must_fall_from_listen_to_facilitate_to_enforce() {
    assertThatThrownBy(() -> thresholds("90", ThresholdComparator.BELOW, "90", ThresholdComparator.AT_OR_BELOW, "50", ThresholdComparator.AT_OR_BELOW).validate())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("thresholds"));
    assertThatThrownBy(() -> thresholds("96", ThresholdComparator.BELOW, "50", ThresholdComparator.AT_OR_BELOW, "90", ThresholdComparator.AT_OR_BELOW).validate())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("fall from Listen to Facilitate to Enforce");
  }

  @Test
  void thresholds_must_be_percentages_above_nought_and_at_most_one_hundred() {
    thresholds("100", ThresholdComparator.BELOW, "90", ThresholdComparator.AT_OR_BELOW, "50", ThresholdComparator.AT_OR_BELOW).validate();
    assertThatThrownBy(() -> thresholds("100.1", ThresholdComparator.BELOW, "90", ThresholdComparator.AT_OR_BELOW, "50", ThresholdComparator.AT_OR_BELOW).validate())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("between 0 and 100");
    assertThatThrownBy(() -> thresholds("96", ThresholdComparator.BELOW, "90", ThresholdComparator.AT_OR_BELOW, "0", ThresholdComparator.AT_OR_BELOW).validate())
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void a_threshold_left_empty_is_refused_as_bad_input_rather_than_crashing() {
    // a cleared number field on the settings screen gives null
    assertThatThrownBy(
            () -> new StageThresholds(NINETY_SIX, ThresholdComparator.BELOW, null, ThresholdComparator.AT_OR_BELOW, FIFTY, ThresholdComparator.AT_OR_BELOW).validate())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("thresholds"));
  }

  @Test
  void a_threshold_without_a_comparator_is_refused_as_bad_input() {
    assertThatThrownBy(
            () -> new StageThresholds(NINETY_SIX, null, new java.math.BigDecimal("90"), ThresholdComparator.AT_OR_BELOW, FIFTY, ThresholdComparator.AT_OR_BELOW).validate())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("comparator"));
  }

  // --- warnings where a configuration disagrees with the DfE flags (rules §3.3) ---

  @Test
  void choosing_below_ninety_warns_that_a_pupil_at_exactly_ninety_percent_will_not_enter_facilitate() {
    StageThresholds seedWording = thresholds("96", ThresholdComparator.BELOW, "90", ThresholdComparator.BELOW, "50", ThresholdComparator.AT_OR_BELOW);
    assertThat(seedWording.warnings())
        .singleElement()
        .asString()
        .contains("exactly 90.0%")
        .contains("Facilitate & Formalise")
        .contains("<=");
  }

  @Test
  void choosing_below_fifty_warns_that_a_pupil_at_exactly_fifty_percent_will_not_enter_enforce() {
    StageThresholds seedWording = thresholds("96", ThresholdComparator.BELOW, "90", ThresholdComparator.AT_OR_BELOW, "50", ThresholdComparator.BELOW);
    assertThat(seedWording.warnings())
        .singleElement()
        .asString()
        .contains("exactly 50.0%")
        .contains("Formalise & Enforce");
  }

  @Test
  void thresholds_away_from_the_dfe_boundaries_are_warned_about() {
    StageThresholds custom = thresholds("97", ThresholdComparator.BELOW, "85", ThresholdComparator.AT_OR_BELOW, "40", ThresholdComparator.AT_OR_BELOW);
    assertThat(custom.warnings())
        .hasSize(2)
        .anySatisfy(w -> assertThat(w).contains("persistent-absence boundary of 90%"))
        .anySatisfy(w -> assertThat(w).contains("severe-absence boundary of 50%"));
  }

  @Test
  void a_listen_line_of_ninety_five_like_stoccat_is_not_warned_about() {
    StageThresholds stoccat = thresholds("95", ThresholdComparator.BELOW, "90", ThresholdComparator.AT_OR_BELOW, "50", ThresholdComparator.AT_OR_BELOW);
    stoccat.validate();
    assertThat(stoccat.warnings()).isEmpty();
  }
}

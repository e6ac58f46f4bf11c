package org.schoolgate.attendance.domain.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.schoolgate.attendance.domain.fixture.Section9.attended;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.Rate;
import org.schoolgate.directory.domain.StageModel;
import org.schoolgate.directory.domain.StageThresholds;
import org.schoolgate.directory.domain.ThresholdComparator;

/** The graduated-response recommendation of attendance rules §5 against the cases of §9. */
class StagePolicyTest {

  static final StageSettings LAP = new StageSettings(StageModel.FOUR_STAGE, StageThresholds.dfeDefaults(), 10);

  /** The seeds' literal wording: facilitate below 90, enforce below 50. */
  static final StageSettings STRICT =
      new StageSettings(
          StageModel.FOUR_STAGE,
          new StageThresholds(
              new BigDecimal("96"), ThresholdComparator.BELOW,
              new BigDecimal("90"), ThresholdComparator.BELOW,
              new BigDecimal("50"), ThresholdComparator.BELOW),
          10);

  /** STOCCAT's twin track: listen (Track 1) below 95. */
  static final StageSettings STOCCAT =
      new StageSettings(
          StageModel.TWIN_TRACK,
          new StageThresholds(
              new BigDecimal("95"), ThresholdComparator.BELOW,
              new BigDecimal("90"), ThresholdComparator.AT_OR_BELOW,
              new BigDecimal("50"), ThresholdComparator.AT_OR_BELOW),
          10);

  static StageRecommendation fromS0(AttendanceFigures figures, StageSettings settings) {
    return StagePolicy.recommend(figures, settings, Stage.first(settings.model()), Optional.empty(), false);
  }

  @Test
  void case_1_a_pupil_at_ninety_seven_percent_stays_in_expect_and_monitor_with_no_letter() {
    AttendanceFigures f = new AttendanceFigures(100, 97, 2, 1, 3, 0);

    StageRecommendation r = fromS0(f, LAP);

    assertThat(r.recommended()).isEqualTo(Stage.S0);
    assertThat(r.isEscalation()).isFalse();
    assertThat(r.letterToDraft()).isEmpty();
    assertThat(r.reasons()).anyMatch(s -> s.contains("97.00% (97 of 100 possible sessions)"));
    assertThat(r.settingsWarnings()).isEmpty();
  }

  @Test
  void case_2_exactly_ninety_percent_enters_facilitate_and_formalise_with_at_or_below() {
    StageRecommendation r = fromS0(attended(180, 200), LAP);

    assertThat(r.recommended()).isEqualTo(Stage.S2);
    assertThat(r.letterToDraft()).contains(Letter.LETTER_2);
    assertThat(r.reasons()).anyMatch(s -> s.contains("Persistently absent under DfE rules: 20 of 200 sessions missed"));
    assertThat(r.settingsWarnings()).isEmpty();
  }

  @Test
  void case_2_exactly_ninety_percent_with_the_seeds_below_comparator_gets_letter_1_and_a_settings_warning() {
    StageRecommendation r = fromS0(attended(180, 200), STRICT);

    assertThat(r.recommended()).isEqualTo(Stage.S1);
    assertThat(r.letterToDraft()).contains(Letter.LETTER_1);
    assertThat(r.settingsWarnings())
        .singleElement()
        .asString()
        .contains("90.00%")
        .contains("persistently absent under DfE rules")
        .contains("< 90%");
  }

  @Test
  void case_3_ninety_and_a_half_percent_is_listen_and_understand_under_either_comparator() {
    assertThat(fromS0(attended(181, 200), LAP).recommended()).isEqualTo(Stage.S1);
    assertThat(fromS0(attended(181, 200), STRICT).recommended()).isEqualTo(Stage.S1);
    assertThat(fromS0(attended(181, 200), LAP).reasons()).noneMatch(s -> s.contains("Persistently absent"));
  }

  @Test
  void case_5_eighty_nine_point_nine_six_percent_skips_straight_to_facilitate_and_formalise_under_either_comparator() {
    assertThat(fromS0(attended(251, 279), LAP).recommended()).isEqualTo(Stage.S2);
    assertThat(fromS0(attended(251, 279), STRICT).recommended()).isEqualTo(Stage.S2);
    assertThat(fromS0(attended(251, 279), STRICT).settingsWarnings()).isEmpty();
  }

  @Test
  void case_6_exactly_fifty_percent_enters_formalise_and_enforce_with_at_or_below() {
    StageRecommendation r = fromS0(attended(50, 100), LAP);

    assertThat(r.recommended()).isEqualTo(Stage.S3);
    assertThat(r.reasons()).anyMatch(s -> s.startsWith("Severely absent under DfE rules: 50 of 100"));
  }

  @Test
  void case_6_exactly_fifty_percent_with_the_seeds_below_comparator_stays_in_facilitate_with_a_warning() {
    StageRecommendation r = fromS0(attended(50, 100), STRICT);

    assertThat(r.recommended()).isEqualTo(Stage.S2);
    assertThat(r.settingsWarnings())
        .singleElement()
        .asString()
        .contains("severely absent under DfE rules")
        .contains("< 50%");
  }

  @Test
  void case_7_forty_nine_percent_drafts_letter_3_which_needs_a_meeting_slot() {
    StageRecommendation r = fromS0(attended(49, 100), LAP);

    assertThat(r.recommended()).isEqualTo(Stage.S3);
    assertThat(r.letterToDraft()).contains(Letter.LETTER_3);
    assertThat(r.letterToDraft().orElseThrow().needsMeetingSlot()).isTrue();
    assertThat(Letter.LETTER_1.needsMeetingSlot()).isFalse();
  }

  @Test
  void case_8_a_pupil_with_no_possible_sessions_is_held_without_an_error() {
    StageRecommendation r = fromS0(AttendanceFigures.NONE, LAP);

    assertThat(r.hold()).contains(Hold.NO_SESSIONS);
    assertThat(r.hold().orElseThrow().label()).isEqualTo("No sessions recorded yet");
    assertThat(r.recommended()).isEqualTo(Stage.S0);
    assertThat(r.letterToDraft()).isEmpty();
    assertThat(r.automaticAllowed()).isFalse();
  }

  @Test
  void case_10_ninety_five_percent_is_listen_and_understand_with_the_lap_threshold_of_96() {
    StageRecommendation r = fromS0(attended(57, 60), LAP);

    assertThat(r.recommended()).isEqualTo(Stage.S1);
    assertThat(r.reasons()).anyMatch(s -> s.contains("95.00% (57 of 60 possible sessions), below the S1 Listen & Understand threshold of 96%"));
  }

  @Test
  void case_10_ninety_five_percent_does_not_enter_track_1_with_stoccats_threshold_of_95() {
    assertThat(fromS0(attended(57, 60), STOCCAT).recommended()).isEqualTo(Stage.T0);
    assertThat(fromS0(attended(56, 60), STOCCAT).recommended()).isEqualTo(Stage.T1);
  }

  @Test
  void twin_track_puts_every_persistently_absent_pupil_in_track_2_including_exactly_ninety_percent() {
    assertThat(fromS0(attended(180, 200), STOCCAT).recommended()).isEqualTo(Stage.T2);
    assertThat(fromS0(attended(181, 200), STOCCAT).recommended()).isEqualTo(Stage.T1);
    assertThat(fromS0(attended(40, 100), STOCCAT).recommended()).isEqualTo(Stage.T2);
  }

  @Test
  void case_11_three_sessions_are_held_as_insufficient_data_with_the_figures_shown() {
    StageRecommendation r = fromS0(new AttendanceFigures(3, 2, 0, 1, 0, 0), LAP);

    assertThat(r.hold()).contains(Hold.INSUFFICIENT_DATA);
    assertThat(r.recommended()).isEqualTo(Stage.S0);
    assertThat(r.letterToDraft()).isEmpty();
    assertThat(r.reasons()).singleElement().asString().contains("66.67% (2 of 3 possible sessions)").contains("from 10 possible sessions");
  }

  @Test
  void ten_possible_sessions_are_enough_for_a_recommendation() {
    assertThat(fromS0(attended(9, 10), LAP).hold()).isEmpty();
    assertThat(fromS0(attended(9, 10), LAP).recommended()).isEqualTo(Stage.S2);
  }

  @Test
  void case_39_below_ninety_and_lower_than_at_the_last_review_is_eligible_for_formalise_and_enforce() {
    StageRecommendation r =
        StagePolicy.recommend(attended(89, 100), LAP, Stage.S1, Optional.of(new Rate(73, 80)), false);

    assertThat(r.recommended()).isEqualTo(Stage.S3);
    assertThat(r.letterToDraft()).contains(Letter.LETTER_3);
    assertThat(r.reasons()).anyMatch(s -> s.contains("lower than at the last fortnightly review (91.25%): declining"));
  }

  @Test
  void case_39_below_ninety_but_rising_since_the_last_review_is_facilitate_and_formalise_only() {
    StageRecommendation r =
        StagePolicy.recommend(attended(89, 100), LAP, Stage.S1, Optional.of(new Rate(79, 90)), false);

    assertThat(r.recommended()).isEqualTo(Stage.S2);
  }

  @Test
  void case_39_declining_but_still_above_ninety_is_not_formalise_and_enforce() {
    StageRecommendation r =
        StagePolicy.recommend(attended(73, 80), LAP, Stage.S1, Optional.of(new Rate(58, 60)), false);

    assertThat(r.recommended()).isEqualTo(Stage.S1);
    assertThat(r.isEscalation()).isFalse();
  }

  @Test
  void a_pupil_needing_a_human_decision_gets_a_recommendation_that_is_never_automatic() {
    StageRecommendation r = StagePolicy.recommend(attended(49, 100), LAP, Stage.S0, Optional.empty(), true);

    assertThat(r.recommended()).isEqualTo(Stage.S3);
    assertThat(r.automaticAllowed()).isFalse();
    assertThat(r.reasons()).anyMatch(s -> s.startsWith("A member of staff must decide"));
    assertThat(StagePolicy.recommend(attended(49, 100), LAP, Stage.S0, Optional.empty(), false).automaticAllowed()).isTrue();
  }

  @Test
  void enforcement_is_never_recommended_from_figures_however_low() {
    StageRecommendation r = StagePolicy.recommend(attended(0, 200), LAP, Stage.S3, Optional.of(new Rate(10, 180)), false);

    assertThat(r.recommended()).isEqualTo(Stage.S3);
    assertThat(r.isEscalation()).isFalse();
  }

  @Test
  void a_pupil_already_in_a_higher_stage_is_not_moved_down_by_better_figures() {
    StageRecommendation r = StagePolicy.recommend(attended(95, 100), LAP, Stage.S2, Optional.empty(), false);

    assertThat(r.recommended()).isEqualTo(Stage.S2);
    assertThat(r.deEscalateTo()).isEmpty();
  }

  @Test
  void stepping_down_is_suggested_after_two_fortnightly_reviews_at_or_above_the_stage_threshold() {
    StageRecommendation r = StagePolicy.recommend(attended(93, 100), LAP, Stage.S2, Optional.of(new Rate(82, 90)), false);

    assertThat(r.recommended()).isEqualTo(Stage.S2);
    assertThat(r.deEscalateTo()).contains(Stage.S1);
    assertThat(r.reasons()).anyMatch(s -> s.contains("two fortnightly reviews in a row (91.11% then 93.00%)"));
  }

  @Test
  void stepping_down_is_not_suggested_when_the_last_review_was_still_under_the_threshold() {
    StageRecommendation r = StagePolicy.recommend(attended(93, 100), LAP, Stage.S2, Optional.of(new Rate(80, 90)), false);

    assertThat(r.deEscalateTo()).isEmpty();
  }

  @Test
  void a_stage_of_the_other_model_is_refused() {
    assertThatThrownBy(() -> StagePolicy.recommend(attended(90, 100), STOCCAT, Stage.S1, Optional.empty(), false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void the_first_stage_shortcut_never_hides_a_recommendation_the_full_rule_would_make() {
    java.util.Random random = new java.util.Random(11);
    int shortcuts = 0;
    for (org.schoolgate.directory.domain.StageModel model : org.schoolgate.directory.domain.StageModel.values()) {
      StageSettings settings = new StageSettings(model, org.schoolgate.directory.domain.StageThresholds.dfeDefaults(), 10);
      for (int i = 0; i < 20_000; i++) {
        int possible = random.nextInt(400);
        int attended = possible == 0 ? 0 : possible - random.nextInt(Math.max(1, possible / 4 + 1));
        AttendanceFigures figures = new AttendanceFigures(possible, attended, possible - attended, 0, 0, 0);
        java.util.Optional<org.schoolgate.attendance.domain.Rate> previous =
            possible == 0 || random.nextBoolean()
                ? java.util.Optional.empty()
                : java.util.Optional.of(new org.schoolgate.attendance.domain.Rate(random.nextInt(possible + 1), possible));
        Stage first = Stage.first(model);
        if (StagePolicy.staysInFirstStage(figures, settings, first)) {
          shortcuts++;
          StageRecommendation full = StagePolicy.recommend(figures, settings, first, previous, random.nextBoolean());
          assertThat(full.isEscalation()).as("%s with %s", model, figures).isFalse();
          assertThat(full.deEscalateTo()).isEmpty();
          assertThat(full.isHeld()).isFalse();
        }
      }
    }
    assertThat(shortcuts).as("the shortcut is taken for pupils at or above the first threshold").isGreaterThan(1_000);
  }
}

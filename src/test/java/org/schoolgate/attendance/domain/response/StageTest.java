package org.schoolgate.attendance.domain.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.schoolgate.directory.domain.StageModel;

/** The stages of both graduated-response models (attendance rules §5.2, §5.3). */
class StageTest {

  @Test
  void the_four_stage_model_runs_from_expect_and_monitor_to_enforcement_in_order() {
    assertThat(Stage.of(StageModel.FOUR_STAGE)).containsExactly(Stage.S0, Stage.S1, Stage.S2, Stage.S3, Stage.S4);
    assertThat(Stage.S3.isAbove(Stage.S1)).isTrue();
    assertThat(Stage.S0.label()).isEqualTo("S0 Expect & Monitor");
    assertThat(Stage.S4.label()).isEqualTo("S4 Enforcement");
  }

  @Test
  void the_twin_track_model_starts_universal() {
    assertThat(Stage.first(StageModel.TWIN_TRACK)).isEqualTo(Stage.T0);
    assertThat(Stage.T2.label()).isEqualTo("T2 Track 2 Intensive");
    assertThat(Stage.T1.letter()).isEmpty();
  }

  @Test
  void stages_one_to_three_each_draft_their_own_letter() {
    assertThat(Stage.S1.letter()).contains(Letter.LETTER_1);
    assertThat(Stage.S2.letter()).contains(Letter.LETTER_2);
    assertThat(Stage.S3.letter()).contains(Letter.LETTER_3);
    assertThat(Stage.S0.letter()).isEmpty();
    assertThat(Stage.S4.letter()).isEmpty();
  }

  @Test
  void stages_of_different_models_cannot_be_compared() {
    assertThatThrownBy(() -> Stage.S2.isAbove(Stage.T1)).isInstanceOf(IllegalArgumentException.class);
  }
}

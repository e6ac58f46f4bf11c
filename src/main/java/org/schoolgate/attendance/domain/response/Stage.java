package org.schoolgate.attendance.domain.response;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.schoolgate.directory.domain.StageModel;

/**
 * A stage of the graduated response (attendance rules §5): S0 to S4 of the four-stage model, T0 to
 * T2 of the twin-track model. Stages are ordered within their model; stages of different models
 * are never compared.
 */
public enum Stage {
  S0(StageModel.FOUR_STAGE, 0, "Expect & Monitor", null),
  S1(StageModel.FOUR_STAGE, 1, "Listen & Understand", Letter.LETTER_1),
  S2(StageModel.FOUR_STAGE, 2, "Facilitate & Formalise", Letter.LETTER_2),
  S3(StageModel.FOUR_STAGE, 3, "Formalise & Enforce", Letter.LETTER_3),
  S4(StageModel.FOUR_STAGE, 4, "Enforcement", null),
  T0(StageModel.TWIN_TRACK, 0, "Universal", null),
  T1(StageModel.TWIN_TRACK, 1, "Track 1 Prevention", null),
  T2(StageModel.TWIN_TRACK, 2, "Track 2 Intensive", null);

  private final StageModel model;
  private final int level;
  private final String label;
  private final Letter letter;

  Stage(StageModel model, int level, String label, Letter letter) {
    this.model = model;
    this.level = level;
    this.label = label;
    this.letter = letter;
  }

  public StageModel model() {
    return model;
  }

  /** Position within the model: 0 for the stage every pupil starts in. */
  public int level() {
    return level;
  }

  /** The name staff see, for example "S2 Facilitate & Formalise". */
  public String label() {
    return name() + " " + label;
  }

  /** The letter drafted when a pupil enters this stage, if it has one. */
  public Optional<Letter> letter() {
    return Optional.ofNullable(letter);
  }

  /** Whether this stage comes after {@code other} in the same model. */
  public boolean isAbove(Stage other) {
    return level > sameModel(other).level;
  }

  public boolean isBelow(Stage other) {
    return level < sameModel(other).level;
  }

  /** The stage every pupil of a school with this model starts in (S0 or T0). */
  public static Stage first(StageModel model) {
    return of(model).get(0);
  }

  /** The stages of one model, lowest first. */
  public static List<Stage> of(StageModel model) {
    return Arrays.stream(values()).filter(s -> s.model == model).toList();
  }

  private Stage sameModel(Stage other) {
    if (other.model != model) {
      throw new IllegalArgumentException(name() + " and " + other.name() + " belong to different stage models");
    }
    return other;
  }
}

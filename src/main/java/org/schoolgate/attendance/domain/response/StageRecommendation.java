package org.schoolgate.attendance.domain.response;

import java.util.List;
import java.util.Optional;

/**
 * What the graduated-response rule recommends for one pupil (attendance rules §5.1). It is always a
 * recommendation for a member of staff to confirm; nothing here changes the pupil's stage.
 *
 * @param current the stage the pupil is in now
 * @param recommended the stage the figures call for: the current stage or a higher one, never a
 *     lower one (stepping down is a staff decision, see {@code deEscalateTo})
 * @param reasons why, in plain English with the figures
 * @param hold set when the figures are too few to recommend anything
 * @param automaticAllowed whether the school may let this step run without a staff decision; never
 *     for pupils with SEND, a child protection or child in need plan, or who are looked after
 * @param deEscalateTo a lower stage staff may consider, when attendance has been at or above the
 *     current stage's entry threshold at two fortnightly reviews in a row
 * @param settingsWarnings where the school's thresholds keep this pupil out of a stage the DfE
 *     flags would put them in
 */
public record StageRecommendation(
    Stage current,
    Stage recommended,
    List<String> reasons,
    Optional<Hold> hold,
    boolean automaticAllowed,
    Optional<Stage> deEscalateTo,
    List<String> settingsWarnings) {

  public StageRecommendation {
    reasons = List.copyOf(reasons);
    settingsWarnings = List.copyOf(settingsWarnings);
  }

  public boolean isHeld() {
    return hold.isPresent();
  }

  /** Whether the pupil should move up to a higher stage. */
  public boolean isEscalation() {
    return recommended.isAbove(current);
  }

  /** The letter to draft for staff review when the pupil moves up to a stage that has one. */
  public Optional<Letter> letterToDraft() {
    return isEscalation() ? recommended.letter() : Optional.empty();
  }
}

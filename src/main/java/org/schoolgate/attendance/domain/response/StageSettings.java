package org.schoolgate.attendance.domain.response;

import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.StageModel;
import org.schoolgate.directory.domain.StageThresholds;

/**
 * A school's graduated-response settings (attendance rules §0.3): its model, thresholds and the
 * fewest possible sessions a pupil needs before any stage is recommended.
 */
public record StageSettings(StageModel model, StageThresholds thresholds, int minPossibleSessions) {

  public StageSettings {
    if (model == null || thresholds == null) {
      throw new IllegalArgumentException("A stage model and thresholds are required");
    }
    if (minPossibleSessions < 0) {
      throw new IllegalArgumentException("The minimum possible sessions cannot be negative");
    }
  }

  public static StageSettings of(School school) {
    return new StageSettings(school.getStageModel(), school.stageThresholds(), school.getMinPossibleSessions());
  }
}

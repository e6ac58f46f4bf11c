package org.schoolgate.attendance.domain.analysis;

import java.util.Optional;
import org.schoolgate.attendance.domain.Rate;
import org.schoolgate.directory.domain.StageThresholds;

/**
 * The cumulative attendance at one fortnightly attendance meeting and at the one before it
 * (attendance rules §3.7, §5.1). "Declining" compares the two exactly.
 *
 * @param previous the rate at the previous fortnightly review; empty at the first review
 */
public record FortnightlyReview(Rate now, Optional<Rate> previous) {

  public FortnightlyReview {
    if (now == null || previous == null) {
      throw new IllegalArgumentException("A review needs this review's rate (and an optional previous one)");
    }
  }

  /** Whether cumulative attendance is strictly lower than at the previous review. */
  public boolean lowerThanLastReview() {
    return previous.isPresent() && now.compareTo(previous.get()) < 0;
  }

  /**
   * "Declining" in the Formalise & Enforce entry rule: lower than at the previous review and
   * under the school's Facilitate & Formalise threshold.
   */
  public boolean declining(StageThresholds thresholds) {
    return lowerThanLastReview() && now.isUnder(thresholds.facilitateComparator(), thresholds.facilitate());
  }
}

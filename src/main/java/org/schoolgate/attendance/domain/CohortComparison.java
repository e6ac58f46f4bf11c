package org.schoolgate.attendance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A pupil compared with a typical pupil of their class or year (attendance rules §3.6): the
 * group's pooled rate with the pupil left out, the absences the pupil would have had at that
 * rate over their own possible sessions, and how many more they actually had. Comparing by rate
 * stays fair for pupils who joined mid-year.
 */
public record CohortComparison(Rate othersRate, BigDecimal expectedAbsences, BigDecimal excessSessions) {

  /**
   * Compares a pupil with the rest of a group whose pooled figures include the pupil. Empty when
   * the pupil or the others have no possible sessions yet.
   */
  public static Optional<CohortComparison> of(AttendanceFigures pupil, AttendanceFigures groupIncludingPupil) {
    AttendanceFigures others = groupIncludingPupil.minus(pupil);
    if (!pupil.hasSessions() || !others.hasSessions()) {
      return Optional.empty();
    }
    Rate othersRate = others.attendanceRate().orElseThrow();
    // expected = possible × (1 − attended/possible of the others), kept exact to 1 decimal place
    BigDecimal expected =
        BigDecimal.valueOf((long) pupil.possible() * others.absent())
            .divide(BigDecimal.valueOf(others.possible()), 1, RoundingMode.HALF_UP);
    return Optional.of(new CohortComparison(othersRate, expected, BigDecimal.valueOf(pupil.absent()).subtract(expected)));
  }

  /**
   * "About N more sessions than a typical pupil", or empty when the pupil missed no more than the
   * others: then nothing is said about a gap.
   */
  public Optional<Integer> aboutMoreSessions() {
    if (excessSessions.signum() <= 0) {
      return Optional.empty();
    }
    int about = excessSessions.setScale(0, RoundingMode.HALF_UP).intValue();
    return about == 0 ? Optional.empty() : Optional.of(about);
  }
}

package org.schoolgate.attendance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.schoolgate.directory.domain.ThresholdComparator;

/**
 * An exact fraction of sessions (attended ÷ possible, for example). Thresholds are compared on
 * the fraction itself, never on a rounded percentage (attendance rules §3.3, §3.4).
 */
public record Rate(long numerator, long denominator) implements Comparable<Rate> {

  public Rate {
    if (denominator <= 0 || numerator < 0 || numerator > denominator) {
      throw new IllegalArgumentException("A rate is between 0 and " + denominator + " of " + denominator);
    }
  }

  /** The percentage to the given number of decimal places, truncated toward zero. */
  public BigDecimal percentTruncated(int decimals) {
    return BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.DOWN);
  }

  /**
   * The percentage as parents see it: one decimal place, truncated, so it never shows more than
   * the true figure (89.96% shows as "89.9").
   */
  public String forParents() {
    return percentTruncated(1).toPlainString();
  }

  /**
   * The percentage for staff screens and returns: two decimal places, rounded half up (the
   * contract example's 22 of 230 reads 9.57). Thresholds never use it.
   */
  public String forStaff() {
    return BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP).toPlainString();
  }

  /** Whether this rate falls under a school threshold with its comparator ("< 96", "<= 90"). */
  public boolean isUnder(ThresholdComparator comparator, BigDecimal thresholdPercent) {
    return comparator.matches(numerator, denominator, thresholdPercent);
  }

  @Override
  public int compareTo(Rate other) {
    return Long.compare(numerator * other.denominator, other.numerator * denominator);
  }
}

package org.schoolgate.attendance.domain.triggers;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The penalty-notice amounts and limits of the National Framework (attendance rules §4.2) as data,
 * so a new edition is a change of figures (product decision 2). Days are calendar days after the
 * notice was issued, the issue day not counted.
 *
 * @param firstReduced first notice paid within {@code reducedDays}
 * @param firstFull first notice paid after that, within {@code payDays}
 * @param second second notice to the same parent for the same child, flat within {@code payDays}
 * @param maxNotices notices per parent per child within {@code periodYears} of the first
 * @param countedFrom notices issued before this day do not count towards the limit
 */
public record PenaltyNoticeAmounts(
    BigDecimal firstReduced,
    int reducedDays,
    BigDecimal firstFull,
    int payDays,
    BigDecimal second,
    int maxNotices,
    int periodYears,
    LocalDate countedFrom) {

  /** The framework in force from 19 August 2024: £80 / £160, £160 flat, two in three years. */
  public static PenaltyNoticeAmounts framework2024() {
    return new PenaltyNoticeAmounts(
        new BigDecimal("80.00"), 21, new BigDecimal("160.00"), 28, new BigDecimal("160.00"), 2, 3, LocalDate.of(2024, 8, 19));
  }
}

package org.schoolgate.attendance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The "what a year at this attendance costs" table used in letters (attendance rules §3.5,
 * product decision 8): generated from the school's own year length and session hours, or the
 * published seed figures kept verbatim for schools that prefer them (labelled indicative).
 */
public final class LearningLostTable {

  /** One row: at this attendance, days in school, days off, weeks off and hours of learning lost. */
  public record Row(BigDecimal percent, BigDecimal daysInSchool, BigDecimal daysOff, BigDecimal weeksOff, BigDecimal hoursLost) {}

  /** The percentages the table shows. */
  public static final List<Integer> PERCENTS = List.of(100, 96, 95, 90, 85, 80, 75);

  private LearningLostTable() {}

  /**
   * The row for a percentage on the school's calendar: days off = (1 − pct) × school days, hours
   * = days off × (morning + afternoon hours), weeks = days off ÷ 5; each to one decimal place.
   */
  public static Row generated(int percent, int schoolYearDays, SessionLengths lengths) {
    BigDecimal daysOff =
        BigDecimal.valueOf((long) (100 - percent) * schoolYearDays).divide(BigDecimal.valueOf(100), 1, RoundingMode.HALF_UP);
    BigDecimal dayHours = lengths.amHours().add(lengths.pmHours());
    return new Row(
        BigDecimal.valueOf(percent),
        BigDecimal.valueOf(schoolYearDays).subtract(daysOff),
        daysOff,
        daysOff.divide(BigDecimal.valueOf(5), 1, RoundingMode.HALF_UP),
        daysOff.multiply(dayHours).setScale(1, RoundingMode.HALF_UP));
  }

  public static List<Row> generated(int schoolYearDays, SessionLengths lengths) {
    return PERCENTS.stream().map(p -> generated(p, schoolYearDays, lengths)).toList();
  }

  /** The published table exactly as schools have used it (a 200-day base, 5 hours a day). */
  public static List<Row> verbatim() {
    return List.of(
        row(100, 190, 0, "0", 0),
        row(96, 182, 8, "1.5", 40),
        row(95, 180, 10, "2", 50),
        row(90, 170, 20, "4", 100),
        row(85, 160, 30, "6", 150),
        row(80, 150, 40, "8", 200),
        row(75, 140, 50, "10", 250));
  }

  private static Row row(int percent, int inSchool, int off, String weeks, int hours) {
    return new Row(BigDecimal.valueOf(percent), BigDecimal.valueOf(inSchool), BigDecimal.valueOf(off), new BigDecimal(weeks), BigDecimal.valueOf(hours));
  }
}

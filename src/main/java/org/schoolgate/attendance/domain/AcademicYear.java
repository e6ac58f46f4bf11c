package org.schoolgate.attendance.domain;

import java.time.LocalDate;
import java.time.Month;

/**
 * A school year in England, 1 August to 31 July. The figures parents and staff see run from the
 * start of the year (or the pupil's admission, whose earlier sessions are Z) to the last marked
 * session (attendance rules §3).
 */
public record AcademicYear(LocalDate start, LocalDate end) {

  public static AcademicYear containing(LocalDate date) {
    int startYear = date.getMonthValue() >= Month.AUGUST.getValue() ? date.getYear() : date.getYear() - 1;
    return new AcademicYear(LocalDate.of(startYear, Month.AUGUST, 1), LocalDate.of(startYear + 1, Month.JULY, 31));
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }

  /** "2025-26", as schools write it. */
  public String label() {
    return start.getYear() + "-" + String.format("%02d", (start.getYear() + 1) % 100);
  }
}

package org.schoolgate.attendance.domain;

import java.time.LocalDate;

/**
 * One register code as data (attendance rules §2): what it means, how it counts, whether it is a
 * late, and the dates it may be used for. A new edition of the guidance is a change to the code
 * table, not to the program.
 *
 * @param validFrom first session date the code may be entered for, or null for "always"
 * @param validTo last session date, or null for "still current"; legacy codes end 18 August 2024
 * @param reasonRequired whether staff must record the activity or reason with the code (B, K, Y7)
 */
public record AttendanceCode(
    String code,
    CodeCategory category,
    CountsAs countsAs,
    boolean late,
    LocalDate validFrom,
    LocalDate validTo,
    boolean reasonRequired,
    String reference,
    String meaning) {

  /** Whether this code may be recorded for a session on {@code date}. */
  public boolean validOn(LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
  }

  public boolean isLegacy() {
    return category == CodeCategory.LEGACY;
  }

  public boolean isPossible() {
    return countsAs.isPossible();
  }
}

package org.schoolgate.attendance.domain.triggers;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.stream.Stream;

/**
 * The days a child is of compulsory school age (attendance rules §0.2, Education Act 1996 s8):
 * from the prescribed day (31 August, 31 December or 31 March) on or next after the 5th birthday,
 * to the last Friday in June of the school year in which the child turns 16, both included.
 */
public record CompulsorySchoolAge(LocalDate from, LocalDate to) {

  public static CompulsorySchoolAge forBirthDate(LocalDate dateOfBirth) {
    LocalDate fifth = dateOfBirth.plusYears(5);
    int y = fifth.getYear();
    LocalDate from =
        Stream.of(LocalDate.of(y, Month.MARCH, 31), LocalDate.of(y, Month.AUGUST, 31), LocalDate.of(y, Month.DECEMBER, 31))
            .filter(prescribed -> !prescribed.isBefore(fifth))
            .findFirst()
            .orElseThrow();
    LocalDate sixteenth = dateOfBirth.plusYears(16);
    int schoolYearEnds = sixteenth.getMonthValue() >= Month.SEPTEMBER.getValue() ? sixteenth.getYear() + 1 : sixteenth.getYear();
    LocalDate to = LocalDate.of(schoolYearEnds, Month.JUNE, 30).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
    return new CompulsorySchoolAge(from, to);
  }

  public boolean covers(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(to);
  }
}

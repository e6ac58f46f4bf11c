package org.schoolgate.attendance.domain.triggers;

import java.time.LocalDate;
import org.schoolgate.directory.domain.SchoolCalendar;

/**
 * The shared fixture calendar of attendance rules §9 (kept in {@code fixture.Section9}): autumn
 * 2025 from Mon 1 Sep with half term 27-31 Oct and INSET Mon 3 Nov; spring 2026 from Mon 5 Jan;
 * bank holidays Mon 4 May and Mon 25 May 2026 (the week of 25 May is half term); summer term ends
 * Fri 17 Jul 2026; autumn 2026 starts Tue 1 Sep. Christmas, February and Easter breaks as in a
 * usual English year.
 */
final class Section9Calendar {

  static final SchoolCalendar CALENDAR = org.schoolgate.attendance.domain.fixture.Section9.CALENDAR;

  private Section9Calendar() {}

  static LocalDate date(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }
}

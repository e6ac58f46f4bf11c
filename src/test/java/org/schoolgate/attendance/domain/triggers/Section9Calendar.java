package org.schoolgate.attendance.domain.triggers;

import java.time.LocalDate;
import java.util.List;
import org.schoolgate.directory.domain.CalendarClosure;
import org.schoolgate.directory.domain.ClosureKind;
import org.schoolgate.directory.domain.SchoolCalendar;

/**
 * The shared fixture calendar of attendance rules §9: the school meets Monday to Friday; autumn
 * 2025 from Mon 1 Sep with half term 27-31 Oct and INSET Mon 3 Nov; spring 2026 from Mon 5 Jan;
 * bank holidays Mon 4 May and Mon 25 May 2026 (the week of 25 May is half term); summer term ends
 * Fri 17 Jul 2026; autumn 2026 starts Tue 1 Sep. Christmas, February and Easter breaks as in a
 * usual English year.
 */
final class Section9Calendar {

  static final SchoolCalendar CALENDAR =
      new SchoolCalendar(
          List.of(
              new SchoolCalendar.Term("Autumn 2025", date(2025, 9, 1), date(2025, 12, 19)),
              new SchoolCalendar.Term("Spring 2026", date(2026, 1, 5), date(2026, 3, 27)),
              new SchoolCalendar.Term("Summer 2026", date(2026, 4, 13), date(2026, 7, 17)),
              new SchoolCalendar.Term("Autumn 2026", date(2026, 9, 1), date(2026, 12, 18))),
          List.of(
              closure(ClosureKind.HALF_TERM, date(2025, 10, 27), date(2025, 10, 31)),
              closure(ClosureKind.INSET, date(2025, 11, 3), date(2025, 11, 3)),
              closure(ClosureKind.HALF_TERM, date(2026, 2, 16), date(2026, 2, 20)),
              closure(ClosureKind.BANK_HOLIDAY, date(2026, 5, 4), date(2026, 5, 4)),
              closure(ClosureKind.BANK_HOLIDAY, date(2026, 5, 25), date(2026, 5, 25)),
              closure(ClosureKind.HALF_TERM, date(2026, 5, 26), date(2026, 5, 29)),
              closure(ClosureKind.HALF_TERM, date(2026, 10, 26), date(2026, 10, 30))));

  private Section9Calendar() {}

  static LocalDate date(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  private static SchoolCalendar.Closure closure(ClosureKind kind, LocalDate first, LocalDate last) {
    return new SchoolCalendar.Closure(kind, first, last, CalendarClosure.Sessions.BOTH, kind.label());
  }
}

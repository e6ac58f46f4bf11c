package org.schoolgate.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.schoolgate.directory.domain.CalendarClosure;
import org.schoolgate.directory.domain.ClosureKind;
import org.schoolgate.directory.domain.SchoolCalendar;

/**
 * The school year of the demo trust, laid out the way English local authorities usually set it:
 * staff return on the first weekday of September for one INSET day (two when that is a Monday) and
 * pupils the day after; half term in the week of 27 October, an INSET day on the Monday after it;
 * Christmas from the Friday before 20 December; spring from the first weekday after 3 January (an
 * INSET day), half term in the week of 16 February, two weeks at Easter; the Early May and Spring
 * bank holidays, May half term after the latter (and an INSET day on the Monday after it when
 * September had only one); the summer term ends in the third week of July once pupils have had 190
 * days.
 *
 * <p>For 2025/26 this gives the shared calendar of the attendance rules (§9): autumn from Monday 1
 * September, half term 27-31 October, INSET on Monday 3 November, bank holidays on 4 and 25 May,
 * summer ends Friday 17 July.
 */
final class DemoCalendar {

  /** Days pupils attend in a school year (attendance rules §0.3). */
  static final int PUPIL_DAYS = 190;

  /** A term: the first and last day staff are in, INSET days included. */
  record Term(String name, LocalDate start, LocalDate end) {}

  /** A closure inside a term, whole days. */
  record Closure(ClosureKind kind, LocalDate first, LocalDate last, String description) {}

  private final int startYear;
  private final LocalDate pupilsReturn;
  private final List<Term> terms = new ArrayList<>();
  private final List<Closure> closures = new ArrayList<>();

  private DemoCalendar(int startYear) {
    this.startYear = startYear;
    int y = startYear;

    // Autumn
    LocalDate staffReturn = weekdayOnOrAfter(LocalDate.of(y, 9, 1));
    pupilsReturn = staffReturn.getDayOfWeek() == DayOfWeek.MONDAY ? staffReturn.plusDays(2) : nextWeekday(staffReturn);
    closures.add(new Closure(ClosureKind.INSET, staffReturn, previousWeekday(pupilsReturn), "INSET day: staff training before pupils return"));
    LocalDate octoberHalfTerm = mondayOfWeek(LocalDate.of(y, 10, 27));
    closures.add(new Closure(ClosureKind.HALF_TERM, octoberHalfTerm, octoberHalfTerm.plusDays(4), "October half term"));
    closures.add(new Closure(ClosureKind.INSET, octoberHalfTerm.plusWeeks(1), octoberHalfTerm.plusWeeks(1), "INSET day"));
    LocalDate autumnEnd = LocalDate.of(y, 12, 20).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
    if (autumnEnd.getDayOfMonth() < 17) {
      autumnEnd = weekdayOnOrBefore(LocalDate.of(y, 12, 20));
    }
    terms.add(new Term("Autumn " + y, staffReturn, autumnEnd));

    // Spring
    LocalDate springStart = weekdayOnOrAfter(LocalDate.of(y + 1, 1, 4));
    closures.add(new Closure(ClosureKind.INSET, springStart, springStart, "INSET day"));
    LocalDate februaryHalfTerm = mondayOfWeek(LocalDate.of(y + 1, 2, 16));
    closures.add(new Closure(ClosureKind.HALF_TERM, februaryHalfTerm, februaryHalfTerm.plusDays(4), "February half term"));
    LocalDate easterSunday = easterSunday(y + 1);
    LocalDate springEnd = easterSunday.minusDays(9); // the Friday a week before Good Friday
    terms.add(new Term("Spring " + (y + 1), springStart, springEnd));

    // Summer
    LocalDate summerStart = easterSunday.plusDays(8); // the Monday a week after Easter Monday
    LocalDate earlyMay = LocalDate.of(y + 1, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    if (!earlyMay.isBefore(summerStart)) {
      closures.add(new Closure(ClosureKind.BANK_HOLIDAY, earlyMay, earlyMay, "Early May bank holiday"));
    }
    LocalDate springBank = LocalDate.of(y + 1, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
    closures.add(new Closure(ClosureKind.BANK_HOLIDAY, springBank, springBank, "Spring bank holiday"));
    closures.add(new Closure(ClosureKind.HALF_TERM, springBank.plusDays(1), springBank.plusDays(4), "May half term"));
    if (!pupilsReturn.isAfter(nextWeekday(staffReturn))) {
      // one INSET day in September: the fourth is after May half term
      closures.add(new Closure(ClosureKind.INSET, springBank.plusWeeks(1), springBank.plusWeeks(1), "INSET day"));
    }
    terms.add(new Term("Summer " + (y + 1), summerStart, summerEnd(summerStart)));
  }

  /** The school year that contains this date: September to August, August closing the year before. */
  static DemoCalendar ofYearContaining(LocalDate date) {
    return new DemoCalendar(academicYearOf(date));
  }

  static DemoCalendar ofYearStarting(int year) {
    return new DemoCalendar(year);
  }

  /** The calendar year in which the school year containing this date began. */
  static int academicYearOf(LocalDate date) {
    return date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1;
  }

  int startYear() {
    return startYear;
  }

  /** The first day of the autumn term (staff; pupils may return a day or two later). */
  LocalDate autumnStart() {
    return terms.get(0).start();
  }

  /** The first day pupils attend in September. */
  LocalDate pupilsReturn() {
    return pupilsReturn;
  }

  List<Term> terms() {
    return List.copyOf(terms);
  }

  List<Closure> closures() {
    return List.copyOf(closures);
  }

  /** The same calendar as the directory's rules read it. */
  SchoolCalendar schoolCalendar() {
    return new SchoolCalendar(
        terms.stream().map(t -> new SchoolCalendar.Term(t.name(), t.start(), t.end())).toList(),
        closures.stream()
            .map(c -> new SchoolCalendar.Closure(c.kind(), c.first(), c.last(), CalendarClosure.Sessions.BOTH, c.description()))
            .toList());
  }

  /** The summer term runs until pupils have had their 190 days, ending between 14 and 24 July. */
  private LocalDate summerEnd(LocalDate summerStart) {
    LocalDate earliest = weekdayOnOrAfter(LocalDate.of(startYear + 1, 7, 14));
    LocalDate latest = weekdayOnOrBefore(LocalDate.of(startYear + 1, 7, 24));
    List<Term> withoutSummer = List.copyOf(terms);
    LocalDate end = earliest;
    while (end.isBefore(latest)) {
      List<Term> trial = new ArrayList<>(withoutSummer);
      trial.add(new Term("Summer", summerStart, end));
      if (pupilDays(trial) >= PUPIL_DAYS) {
        break;
      }
      end = nextWeekday(end);
    }
    return end;
  }

  private int pupilDays(List<Term> trialTerms) {
    SchoolCalendar calendar =
        new SchoolCalendar(
            trialTerms.stream().map(t -> new SchoolCalendar.Term(t.name(), t.start(), t.end())).toList(),
            closures.stream()
                .map(c -> new SchoolCalendar.Closure(c.kind(), c.first(), c.last(), CalendarClosure.Sessions.BOTH, c.description()))
                .toList());
    LocalDate first = trialTerms.get(0).start();
    LocalDate last = trialTerms.get(trialTerms.size() - 1).end();
    return calendar.schoolDaysBetween(first, last).size();
  }

  /** Easter Sunday in the Gregorian calendar (the anonymous algorithm, as in Meeus). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }

  private static boolean isWeekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static LocalDate weekdayOnOrAfter(LocalDate d) {
    LocalDate day = d;
    while (isWeekend(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  private static LocalDate weekdayOnOrBefore(LocalDate d) {
    LocalDate day = d;
    while (isWeekend(day)) {
      day = day.minusDays(1);
    }
    return day;
  }

  private static LocalDate nextWeekday(LocalDate d) {
    return weekdayOnOrAfter(d.plusDays(1));
  }

  private static LocalDate previousWeekday(LocalDate d) {
    return weekdayOnOrBefore(d.minusDays(1));
  }

  private static LocalDate mondayOfWeek(LocalDate d) {
    return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}

package org.schoolgate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.directory.domain.ClosureKind;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.directory.domain.Session;

/** The demo's school year is laid out as English schools lay theirs out, whatever year the demo starts in. */
class DemoCalendarTest {

  private static LocalDate date(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  private static LocalDate mondayOfWeek(LocalDate d) {
    return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  @Test
  void the_2025_26_year_is_the_shared_calendar_of_the_attendance_rules() {
    DemoCalendar year = DemoCalendar.ofYearStarting(2025);
    SchoolCalendar calendar = year.schoolCalendar();

    assertThat(year.terms())
        .containsExactly(
            new DemoCalendar.Term("Autumn 2025", date(2025, 9, 1), date(2025, 12, 19)),
            new DemoCalendar.Term("Spring 2026", date(2026, 1, 5), date(2026, 3, 27)),
            new DemoCalendar.Term("Summer 2026", date(2026, 4, 13), date(2026, 7, 17)));
    assertThat(calendar.closureOn(date(2025, 10, 29), Session.AM)).map(SchoolCalendar.Closure::kind).contains(ClosureKind.HALF_TERM);
    assertThat(calendar.isSchoolDay(date(2025, 10, 24))).isTrue();
    assertThat(calendar.isSchoolDay(date(2025, 11, 3))).as("INSET after half term").isFalse();
    assertThat(calendar.isSchoolDay(date(2025, 11, 4))).isTrue();
    assertThat(calendar.closureOn(date(2026, 5, 4), Session.AM)).map(SchoolCalendar.Closure::kind).contains(ClosureKind.BANK_HOLIDAY);
    assertThat(calendar.closureOn(date(2026, 5, 25), Session.AM)).map(SchoolCalendar.Closure::kind).contains(ClosureKind.BANK_HOLIDAY);
    assertThat(calendar.isSchoolDay(date(2026, 5, 28))).as("May half term").isFalse();
    // attendance rules §9 case 16: an N on Thursday 23 October is due by Friday 7 November
    assertThat(calendar.nthSchoolDayAfter(date(2025, 10, 23), 5)).isEqualTo(date(2025, 11, 7));
  }

  @Test
  void every_year_gives_pupils_190_days_and_ends_in_the_third_week_of_july() {
    for (int y = 2024; y <= 2035; y++) {
      DemoCalendar year = DemoCalendar.ofYearStarting(y);
      SchoolCalendar calendar = year.schoolCalendar();
      List<DemoCalendar.Term> terms = year.terms();
      assertThat(calendar.schoolDaysBetween(terms.get(0).start(), terms.get(2).end())).as("year " + y).hasSize(190);
      assertThat(terms.get(2).end()).as("year " + y).isBetween(date(y + 1, 7, 14), date(y + 1, 7, 24));
    }
  }

  @Test
  void the_autumn_term_opens_with_an_inset_day_and_pupils_return_days_later() {
    for (int y = 2024; y <= 2035; y++) {
      DemoCalendar year = DemoCalendar.ofYearStarting(y);
      SchoolCalendar calendar = year.schoolCalendar();
      LocalDate start = year.autumnStart();
      assertThat(start.getMonthValue()).isEqualTo(9);
      assertThat(start.getDayOfMonth()).isLessThanOrEqualTo(3);
      assertThat(calendar.closureOn(start, Session.AM)).map(SchoolCalendar.Closure::kind).contains(ClosureKind.INSET);
      assertThat(year.pupilsReturn()).isAfter(start);
      assertThat(calendar.isSchoolDay(year.pupilsReturn())).isTrue();
      long insetDays =
          year.closures().stream()
              .filter(c -> c.kind() == ClosureKind.INSET)
              .flatMap(c -> c.first().datesUntil(c.last().plusDays(1)))
              .filter(d -> d.getDayOfWeek().getValue() <= 5)
              .count();
      assertThat(insetDays).as("INSET days in " + y).isEqualTo(4);
    }
  }

  @Test
  void half_terms_fall_in_the_weeks_of_27_october_and_16_february_and_easter_is_a_holiday() {
    for (int y = 2024; y <= 2035; y++) {
      SchoolCalendar calendar = DemoCalendar.ofYearStarting(y).schoolCalendar();
      assertThat(calendar.closureOn(mondayOfWeek(date(y, 10, 27)), Session.AM)).map(SchoolCalendar.Closure::kind)
          .contains(ClosureKind.HALF_TERM);
      assertThat(calendar.closureOn(mondayOfWeek(date(y + 1, 2, 16)), Session.AM)).map(SchoolCalendar.Closure::kind)
          .contains(ClosureKind.HALF_TERM);
      LocalDate easter = DemoCalendar.easterSunday(y + 1);
      assertThat(calendar.termOf(easter.minusDays(2))).as("Good Friday " + y).isEmpty();
      assertThat(calendar.termOf(easter.plusDays(1))).as("Easter Monday " + y).isEmpty();
      assertThat(calendar.isSchoolDay(date(y, 12, 25))).isFalse();
      LocalDate springBank = mondayOfWeek(date(y + 1, 5, 31));
      assertThat(calendar.closureOn(springBank, Session.AM)).map(SchoolCalendar.Closure::kind).contains(ClosureKind.BANK_HOLIDAY);
    }
  }

  @Test
  void easter_falls_on_the_known_sundays() {
    assertThat(DemoCalendar.easterSunday(2024)).isEqualTo(date(2024, 3, 31));
    assertThat(DemoCalendar.easterSunday(2025)).isEqualTo(date(2025, 4, 20));
    assertThat(DemoCalendar.easterSunday(2026)).isEqualTo(date(2026, 4, 5));
    assertThat(DemoCalendar.easterSunday(2027)).isEqualTo(date(2027, 3, 28));
    assertThat(DemoCalendar.easterSunday(2038)).isEqualTo(date(2038, 4, 25));
  }

  @Test
  void august_belongs_to_the_school_year_that_began_the_september_before() {
    assertThat(DemoCalendar.academicYearOf(date(2027, 8, 31))).isEqualTo(2026);
    assertThat(DemoCalendar.academicYearOf(date(2027, 9, 1))).isEqualTo(2027);
    assertThat(DemoCalendar.academicYearOf(date(2027, 1, 15))).isEqualTo(2026);
  }
}

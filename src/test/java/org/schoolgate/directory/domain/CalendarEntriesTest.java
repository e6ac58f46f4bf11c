package org.schoolgate.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.platform.validation.InvalidInputException;

/** The stored terms and closures a school types in, and the calendar built from them. */
class CalendarEntriesTest {

  private final School school =
      new School(
          new Trust("Riverside Learning Trust"), "100001", "Riverside Primary", Phase.PRIMARY,
          new RegisterTimes(LocalTime.of(8, 40), LocalTime.of(13, 0), 30, LocalTime.of(12, 0), LocalTime.of(15, 15)));

  @Test
  void a_term_that_ends_before_it_starts_is_refused_naming_the_end_date() {
    assertThatThrownBy(() -> new AcademicTerm(school, "Autumn 2025", LocalDate.of(2025, 12, 19), LocalDate.of(2025, 9, 1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("endDate"));
  }

  @Test
  void a_term_without_dates_is_refused() {
    assertThatThrownBy(() -> new AcademicTerm(school, "Autumn 2025", null, LocalDate.of(2025, 12, 19)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void a_one_day_term_is_allowed() {
    AcademicTerm term = new AcademicTerm(school, "Taster day", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 1));
    assertThat(term.toTerm()).isEqualTo(new SchoolCalendar.Term("Taster day", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 1)));
  }

  @Test
  void a_closure_that_ends_before_it_starts_is_refused_naming_the_last_day() {
    assertThatThrownBy(
            () -> new CalendarClosure(
                school, ClosureKind.HALF_TERM, LocalDate.of(2025, 10, 31), LocalDate.of(2025, 10, 27),
                CalendarClosure.Sessions.BOTH, "October half term"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("lastDay"));
  }

  @Test
  void a_closure_without_a_description_is_described_by_its_kind() {
    CalendarClosure inset =
        new CalendarClosure(school, ClosureKind.INSET, LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 3), CalendarClosure.Sessions.BOTH, "  ");
    assertThat(inset.getDescription()).isEqualTo("INSET day");
    CalendarClosure named =
        new CalendarClosure(school, ClosureKind.INSET, LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 3), CalendarClosure.Sessions.BOTH, " Safeguarding training ");
    assertThat(named.getDescription()).isEqualTo("Safeguarding training");
  }

  @Test
  void stored_terms_and_closures_make_the_calendar_the_school_day_service_answers_from() {
    AcademicTerm autumn = new AcademicTerm(school, "Autumn 2025", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 19));
    CalendarClosure halfTerm =
        new CalendarClosure(school, ClosureKind.HALF_TERM, LocalDate.of(2025, 10, 27), LocalDate.of(2025, 10, 31), CalendarClosure.Sessions.BOTH, null);
    CalendarClosure insetMorning =
        new CalendarClosure(school, ClosureKind.INSET, LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 3), CalendarClosure.Sessions.AM, null);

    SchoolCalendar calendar =
        new SchoolCalendar(List.of(autumn.toTerm()), List.of(halfTerm.toClosure(), insetMorning.toClosure()));

    assertThat(calendar.isSchoolDay(LocalDate.of(2025, 10, 28))).isFalse();
    assertThat(calendar.meets(LocalDate.of(2025, 11, 3), Session.AM)).isFalse();
    assertThat(calendar.meets(LocalDate.of(2025, 11, 3), Session.PM)).isTrue();
    assertThat(calendar.nthSchoolDayAfter(LocalDate.of(2025, 10, 24), 1)).isEqualTo(LocalDate.of(2025, 11, 3));
  }

  @Test
  void closure_sessions_cover_the_sessions_they_name() {
    assertThat(CalendarClosure.Sessions.BOTH.covers(Session.AM)).isTrue();
    assertThat(CalendarClosure.Sessions.BOTH.covers(Session.PM)).isTrue();
    assertThat(CalendarClosure.Sessions.AM.covers(Session.AM)).isTrue();
    assertThat(CalendarClosure.Sessions.AM.covers(Session.PM)).isFalse();
    assertThat(CalendarClosure.Sessions.PM.covers(Session.PM)).isTrue();
    assertThat(CalendarClosure.Sessions.PM.covers(Session.AM)).isFalse();
  }

  @Test
  void only_an_unplanned_closure_is_recorded_as_y4_rather_than_hash() {
    assertThat(ClosureKind.UNPLANNED.planned()).isFalse();
    for (ClosureKind kind : List.of(ClosureKind.HALF_TERM, ClosureKind.INSET, ClosureKind.BANK_HOLIDAY, ClosureKind.HOLIDAY)) {
      assertThat(kind.planned()).as(kind.name()).isTrue();
    }
  }
}

package org.schoolgate.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The school-day service on a real English calendar for 2025/26 and the start of 2026/27, the
 * shared fixtures of attendance rules §9: autumn 2025 from Mon 1 Sep, half term 27-31 Oct, INSET
 * Mon 3 Nov; bank holidays Mon 4 May and Mon 25 May 2026 (the latter in half term); summer term
 * ends Fri 17 Jul 2026; autumn 2026 starts Tue 1 Sep.
 */
class SchoolCalendarTest {

  private static LocalDate date(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  private static SchoolCalendar.Closure closure(
      ClosureKind kind, LocalDate first, LocalDate last, CalendarClosure.Sessions sessions) {
    return new SchoolCalendar.Closure(kind, first, last, sessions, kind.label());
  }

  private static final SchoolCalendar CALENDAR =
      new SchoolCalendar(
          List.of(
              // deliberately out of order: the calendar sorts its terms
              new SchoolCalendar.Term("Summer 2026", date(2026, 4, 13), date(2026, 7, 17)),
              new SchoolCalendar.Term("Autumn 2025", date(2025, 9, 1), date(2025, 12, 19)),
              new SchoolCalendar.Term("Spring 2026", date(2026, 1, 5), date(2026, 3, 27)),
              new SchoolCalendar.Term("Autumn 2026", date(2026, 9, 1), date(2026, 12, 18))),
          List.of(
              closure(ClosureKind.HALF_TERM, date(2025, 10, 27), date(2025, 10, 31), CalendarClosure.Sessions.BOTH),
              closure(ClosureKind.INSET, date(2025, 11, 3), date(2025, 11, 3), CalendarClosure.Sessions.BOTH),
              // snow: the whole site shut unexpectedly (Y4 on both sessions)
              closure(ClosureKind.UNPLANNED, date(2026, 1, 8), date(2026, 1, 8), CalendarClosure.Sessions.BOTH),
              // heating failure after lunch
              closure(ClosureKind.UNPLANNED, date(2026, 2, 4), date(2026, 2, 4), CalendarClosure.Sessions.PM),
              // training for staff in the morning, pupils in for the afternoon
              closure(ClosureKind.INSET, date(2026, 2, 6), date(2026, 2, 6), CalendarClosure.Sessions.AM),
              closure(ClosureKind.HALF_TERM, date(2026, 2, 16), date(2026, 2, 20), CalendarClosure.Sessions.BOTH),
              closure(ClosureKind.BANK_HOLIDAY, date(2026, 5, 4), date(2026, 5, 4), CalendarClosure.Sessions.BOTH),
              closure(ClosureKind.BANK_HOLIDAY, date(2026, 5, 25), date(2026, 5, 25), CalendarClosure.Sessions.BOTH),
              closure(ClosureKind.HALF_TERM, date(2026, 5, 26), date(2026, 5, 29), CalendarClosure.Sessions.BOTH)));

  // --- is this a school day ---

  @Test
  void an_ordinary_weekday_in_term_is_a_school_day_with_both_sessions() {
    LocalDate tuesday = date(2025, 9, 9);
    assertThat(CALENDAR.isSchoolDay(tuesday)).isTrue();
    assertThat(CALENDAR.meets(tuesday, Session.AM)).isTrue();
    assertThat(CALENDAR.meets(tuesday, Session.PM)).isTrue();
  }

  @Test
  void saturday_and_sunday_in_the_middle_of_term_are_not_school_days() {
    assertThat(CALENDAR.isSchoolDay(date(2025, 9, 13))).isFalse();
    assertThat(CALENDAR.isSchoolDay(date(2025, 9, 14))).isFalse();
    assertThat(CALENDAR.isSchoolDay(date(2025, 9, 12))).as("the Friday before").isTrue();
    assertThat(CALENDAR.isSchoolDay(date(2025, 9, 15))).as("the Monday after").isTrue();
  }

  @Test
  void every_day_of_october_half_term_is_not_a_school_day_and_the_days_either_side_are() {
    assertThat(CALENDAR.isSchoolDay(date(2025, 10, 24))).isTrue();
    for (LocalDate d = date(2025, 10, 27); !d.isAfter(date(2025, 10, 31)); d = d.plusDays(1)) {
      assertThat(CALENDAR.isSchoolDay(d)).as(d.toString()).isFalse();
    }
    assertThat(CALENDAR.closureOn(date(2025, 10, 29), Session.AM)).map(SchoolCalendar.Closure::kind).contains(ClosureKind.HALF_TERM);
  }

  @Test
  void a_whole_day_inset_is_not_a_school_day_and_the_term_resumes_the_next_day() {
    assertThat(CALENDAR.isSchoolDay(date(2025, 11, 3))).isFalse();
    assertThat(CALENDAR.closureOn(date(2025, 11, 3), Session.PM)).map(SchoolCalendar.Closure::kind).contains(ClosureKind.INSET);
    assertThat(CALENDAR.isSchoolDay(date(2025, 11, 4))).isTrue();
  }

  @Test
  void a_morning_only_inset_leaves_a_school_day_with_only_the_afternoon_session() {
    LocalDate friday = date(2026, 2, 6);
    assertThat(CALENDAR.meets(friday, Session.AM)).isFalse();
    assertThat(CALENDAR.meets(friday, Session.PM)).isTrue();
    assertThat(CALENDAR.isSchoolDay(friday)).isTrue();
    assertThat(CALENDAR.closureOn(friday, Session.AM)).isPresent();
    assertThat(CALENDAR.closureOn(friday, Session.PM)).isEmpty();
  }

  @Test
  void an_afternoon_only_closure_leaves_a_school_day_with_only_the_morning_session() {
    LocalDate wednesday = date(2026, 2, 4);
    assertThat(CALENDAR.meets(wednesday, Session.AM)).isTrue();
    assertThat(CALENDAR.meets(wednesday, Session.PM)).isFalse();
    assertThat(CALENDAR.isSchoolDay(wednesday)).isTrue();
  }

  @Test
  void an_unplanned_whole_school_closure_on_both_sessions_is_not_a_school_day() {
    LocalDate snowDay = date(2026, 1, 8);
    assertThat(CALENDAR.isSchoolDay(snowDay)).isFalse();
    assertThat(CALENDAR.closureOn(snowDay, Session.AM)).map(SchoolCalendar.Closure::kind).contains(ClosureKind.UNPLANNED);
    assertThat(CALENDAR.isSchoolDay(snowDay.plusDays(1))).isTrue();
  }

  @Test
  void the_may_day_bank_holiday_is_not_a_school_day_so_that_week_has_four() {
    assertThat(CALENDAR.isSchoolDay(date(2026, 5, 4))).isFalse();
    assertThat(CALENDAR.schoolDaysBetween(date(2026, 5, 4), date(2026, 5, 10)))
        .containsExactly(date(2026, 5, 5), date(2026, 5, 6), date(2026, 5, 7), date(2026, 5, 8));
  }

  @Test
  void the_spring_bank_holiday_and_the_rest_of_may_half_term_are_not_school_days() {
    assertThat(CALENDAR.schoolDaysBetween(date(2026, 5, 23), date(2026, 5, 31))).isEmpty();
    assertThat(CALENDAR.isSchoolDay(date(2026, 6, 1))).isTrue();
  }

  @Test
  void days_between_terms_and_before_the_first_term_are_not_school_days() {
    assertThat(CALENDAR.isSchoolDay(date(2025, 12, 22))).as("Christmas holiday").isFalse();
    assertThat(CALENDAR.isSchoolDay(date(2026, 4, 1))).as("Easter holiday").isFalse();
    assertThat(CALENDAR.isSchoolDay(date(2026, 7, 20))).as("summer holiday").isFalse();
    assertThat(CALENDAR.isSchoolDay(date(2026, 8, 31))).as("the day before autumn 2026").isFalse();
    assertThat(CALENDAR.isSchoolDay(date(2025, 8, 29))).as("before the calendar starts").isFalse();
    assertThat(CALENDAR.termOf(date(2025, 12, 22))).isEmpty();
  }

  @Test
  void the_first_and_last_day_of_a_term_are_school_days() {
    assertThat(CALENDAR.isSchoolDay(date(2025, 9, 1))).isTrue();
    assertThat(CALENDAR.isSchoolDay(date(2025, 12, 19))).isTrue();
    assertThat(CALENDAR.isSchoolDay(date(2026, 7, 17))).isTrue();
    assertThat(CALENDAR.isSchoolDay(date(2026, 9, 1))).isTrue();
    assertThat(CALENDAR.termOf(date(2026, 7, 17))).map(SchoolCalendar.Term::name).contains("Summer 2026");
  }

  @Test
  void terms_are_kept_in_date_order_whatever_order_they_were_given_in() {
    assertThat(CALENDAR.terms()).extracting(SchoolCalendar.Term::name)
        .containsExactly("Autumn 2025", "Spring 2026", "Summer 2026", "Autumn 2026");
    assertThat(CALENDAR.firstTermDay()).contains(date(2025, 9, 1));
    assertThat(CALENDAR.lastTermDay()).contains(date(2026, 12, 18));
  }

  // --- the Nth school day after a date (T-N5: the session date is not counted) ---

  @Test
  void the_n_code_deadline_from_monday_eight_september_is_the_following_monday_across_a_weekend() {
    // rules §9 case 15: N on Mon 8 Sep 2025, due by the end of Mon 15 Sep, overdue on Tue 16 Sep
    assertThat(CALENDAR.nthSchoolDayAfter(date(2025, 9, 8), 5)).isEqualTo(date(2025, 9, 15));
    assertThat(CALENDAR.nthSchoolDayAfter(date(2025, 9, 8), 6)).isEqualTo(date(2025, 9, 16));
  }

  @Test
  void the_n_code_deadline_from_thursday_twenty_three_october_skips_half_term_and_the_inset_day() {
    // rules §9 case 16: Fri 24 Oct (1); half term and INSET 3 Nov skipped; Tue 4 Nov (2) ... Fri 7 Nov (5)
    LocalDate nCode = date(2025, 10, 23);
    assertThat(CALENDAR.nthSchoolDayAfter(nCode, 1)).isEqualTo(date(2025, 10, 24));
    assertThat(CALENDAR.nthSchoolDayAfter(nCode, 2)).isEqualTo(date(2025, 11, 4));
    assertThat(CALENDAR.nthSchoolDayAfter(nCode, 5)).isEqualTo(date(2025, 11, 7));
    assertThat(CALENDAR.nthSchoolDayAfter(nCode, 6)).as("overdue").isEqualTo(date(2025, 11, 10));
  }

  @Test
  void the_day_a_count_starts_from_is_never_counted_even_when_it_is_a_school_day() {
    LocalDate tuesday = date(2025, 9, 9);
    assertThat(CALENDAR.nthSchoolDayAfter(tuesday, 1)).isEqualTo(date(2025, 9, 10));
  }

  @Test
  void counting_from_a_day_off_starts_with_the_next_school_day() {
    assertThat(CALENDAR.nthSchoolDayAfter(date(2025, 9, 13), 1)).as("from a Saturday").isEqualTo(date(2025, 9, 15));
    assertThat(CALENDAR.nthSchoolDayAfter(date(2025, 12, 24), 1)).as("from the Christmas holiday").isEqualTo(date(2026, 1, 5));
  }

  @Test
  void a_count_skips_a_whole_day_closure_but_counts_a_half_day_closure_as_a_school_day() {
    // Wed 7 Jan 2026: next is Thu 8 Jan (snow, closed) so Fri 9 Jan
    assertThat(CALENDAR.nthSchoolDayAfter(date(2026, 1, 7), 1)).isEqualTo(date(2026, 1, 9));
    // Thu 5 Feb 2026: next is Fri 6 Feb, which meets in the afternoon
    assertThat(CALENDAR.nthSchoolDayAfter(date(2026, 2, 5), 1)).isEqualTo(date(2026, 2, 6));
  }

  @Test
  void the_nth_school_day_after_a_date_crosses_the_summer_holiday_into_the_next_school_year() {
    assertThat(CALENDAR.nthSchoolDayAfter(date(2026, 7, 16), 1)).isEqualTo(date(2026, 7, 17));
    assertThat(CALENDAR.nthSchoolDayAfter(date(2026, 7, 16), 2)).isEqualTo(date(2026, 9, 1));
  }

  @Test
  void counting_zero_school_days_gives_the_date_itself() {
    assertThat(CALENDAR.nthSchoolDayAfter(date(2025, 9, 9), 0)).isEqualTo(date(2025, 9, 9));
  }

  @Test
  void a_negative_count_is_refused() {
    assertThatThrownBy(() -> CALENDAR.nthSchoolDayAfter(date(2025, 9, 9), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- counting days from the first day (T-HV3, T-SG5, T-AR10 count the first day of absence) ---

  @Test
  void ten_school_days_of_absence_from_tuesday_twenty_eight_april_end_on_tuesday_twelve_may() {
    // rules §9 case 22: 28, 29, 30 Apr, 1, 5, 6, 7, 8, 11, 12 May (bank holiday 4 May skipped)
    assertThat(CALENDAR.schoolDaysBetween(date(2026, 4, 28), date(2026, 5, 12)))
        .containsExactly(
            date(2026, 4, 28), date(2026, 4, 29), date(2026, 4, 30), date(2026, 5, 1), date(2026, 5, 5),
            date(2026, 5, 6), date(2026, 5, 7), date(2026, 5, 8), date(2026, 5, 11), date(2026, 5, 12));
    // day 3 (home visit) and day 5 (safeguarding) of that absence
    assertThat(CALENDAR.nthSchoolDayAfter(date(2026, 4, 28), 2)).isEqualTo(date(2026, 4, 30));
    assertThat(CALENDAR.nthSchoolDayAfter(date(2026, 4, 28), 4)).isEqualTo(date(2026, 5, 5));
  }

  @Test
  void an_absence_from_monday_two_march_reaches_day_three_on_wednesday_and_day_five_on_friday() {
    // rules §9 case 25: visit on Wed 4 Mar, repeats Mon 9 and Thu 12 Mar; T-SG5 on Fri 6 Mar
    List<LocalDate> days = CALENDAR.schoolDaysBetween(date(2026, 3, 2), date(2026, 3, 13));
    assertThat(days.get(2)).isEqualTo(date(2026, 3, 4));
    assertThat(days.get(4)).isEqualTo(date(2026, 3, 6));
    assertThat(days.get(5)).isEqualTo(date(2026, 3, 9));
    assertThat(days.get(8)).isEqualTo(date(2026, 3, 12));
  }

  @Test
  void school_days_between_two_dates_include_both_ends() {
    assertThat(CALENDAR.schoolDaysBetween(date(2025, 9, 8), date(2025, 9, 12))).hasSize(5);
    assertThat(CALENDAR.schoolDaysBetween(date(2025, 9, 8), date(2025, 9, 8))).containsExactly(date(2025, 9, 8));
    assertThat(CALENDAR.schoolDaysBetween(date(2025, 9, 12), date(2025, 9, 8))).as("reversed").isEmpty();
  }

  @Test
  void school_days_after_a_date_leave_the_date_out_and_agree_with_the_nth_school_day() {
    assertThat(CALENDAR.schoolDaysAfter(date(2025, 10, 23), date(2025, 11, 7))).isEqualTo(5);
    assertThat(CALENDAR.schoolDaysAfter(date(2025, 10, 23), date(2025, 11, 10))).isEqualTo(6);
    assertThat(CALENDAR.schoolDaysAfter(date(2025, 9, 8), date(2025, 9, 8))).isZero();
    assertThat(CALENDAR.schoolDaysAfter(date(2025, 10, 24), date(2025, 11, 3))).as("half term and INSET").isZero();
  }

  @Test
  void the_first_half_of_autumn_2025_has_forty_school_days() {
    // 1 Sep to 24 Oct 2025: eight full weeks
    assertThat(CALENDAR.schoolDaysBetween(date(2025, 9, 1), date(2025, 10, 24))).hasSize(40);
  }

  // --- the end of the calendar ---

  @Test
  void counting_past_the_last_term_in_the_calendar_fails_and_asks_for_the_next_term() {
    assertThat(CALENDAR.nthSchoolDayAfter(date(2026, 12, 16), 2)).isEqualTo(date(2026, 12, 18));
    assertThatThrownBy(() -> CALENDAR.nthSchoolDayAfter(date(2026, 12, 16), 3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fewer than 3 school days after 2026-12-16")
        .hasMessageContaining("add the next term");
  }

  @Test
  void counting_from_a_date_after_the_last_term_fails_rather_than_guessing() {
    assertThatThrownBy(() -> CALENDAR.nthSchoolDayAfter(date(2026, 12, 21), 1))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void an_empty_calendar_has_no_school_days_and_no_nth_school_day() {
    SchoolCalendar empty = new SchoolCalendar(List.of(), List.of());
    assertThat(empty.isSchoolDay(date(2025, 9, 9))).isFalse();
    assertThat(empty.firstTermDay()).isEmpty();
    assertThatThrownBy(() -> empty.nthSchoolDayAfter(date(2025, 9, 9), 1)).isInstanceOf(IllegalStateException.class);
  }

  // --- school weeks (penalty-notice window, rules §4.2) ---

  @Test
  void a_half_term_week_is_not_a_school_week_but_a_week_with_one_school_day_is() {
    assertThat(CALENDAR.isSchoolWeek(date(2025, 10, 29))).isFalse();
    assertThat(CALENDAR.isSchoolWeek(date(2025, 11, 5))).as("INSET Monday, school Tue-Fri").isTrue();
    assertThat(CALENDAR.isSchoolWeek(date(2026, 5, 27))).as("bank holiday and half term").isFalse();
    assertThat(CALENDAR.isSchoolWeek(date(2026, 8, 31))).as("autumn 2026 starts on the Tuesday").isTrue();
    assertThat(CALENDAR.isSchoolWeek(date(2026, 8, 10))).as("summer holiday").isFalse();
  }

  @Test
  void the_ten_school_weeks_ending_in_the_week_of_seventeen_november_start_on_eight_september() {
    // rules §9 case 19: half term is not a school week, so the window reaches back to w/c 8 Sep only
    assertThat(CALENDAR.recentSchoolWeeks(date(2025, 11, 19), 10))
        .containsExactly(
            date(2025, 11, 17), date(2025, 11, 10), date(2025, 11, 3), date(2025, 10, 20), date(2025, 10, 13),
            date(2025, 10, 6), date(2025, 9, 29), date(2025, 9, 22), date(2025, 9, 15), date(2025, 9, 8));
  }

  @Test
  void the_school_week_window_on_five_november_reaches_the_first_week_of_term() {
    // rules §9 case 18: the 4 G sessions of 1-2 Sep are inside the window raised on Wed 5 Nov
    assertThat(CALENDAR.recentSchoolWeeks(date(2025, 11, 5), 10))
        .contains(date(2025, 9, 1))
        .doesNotContain(date(2025, 10, 27))
        .hasSize(9); // only nine school weeks exist from 1 Sep to 5 Nov
  }

  @Test
  void the_school_week_window_crosses_the_summer_holiday_into_the_previous_school_year() {
    // rules §9 case 20: w/c 13 Jul 2026 and w/c 7 Sep 2026 fall in the same ten-school-week window
    List<LocalDate> weeks = CALENDAR.recentSchoolWeeks(date(2026, 9, 9), 10);
    assertThat(weeks).hasSize(10).startsWith(date(2026, 9, 7), date(2026, 8, 31), date(2026, 7, 13));
    assertThat(weeks).doesNotContain(date(2026, 7, 20), date(2026, 8, 24));
  }
}

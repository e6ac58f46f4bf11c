package org.schoolgate.attendance.domain.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolgate.attendance.domain.fixture.Section9.CALENDAR;
import static org.schoolgate.attendance.domain.fixture.Section9.REGISTER_TIMES;
import static org.schoolgate.attendance.domain.fixture.Section9.date;
import static org.schoolgate.attendance.domain.fixture.Section9.mark;
import static org.schoolgate.attendance.domain.fixture.Section9.week;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.attendance.domain.register.SessionSlot;
import org.schoolgate.directory.domain.Session;

/** Broken weeks, absence breakdowns and register completeness (attendance rules §3.8, R1.6; §9 cases 17, 29, 43). */
class PatternAnalyticsTest {

  static final LocalDate MONDAY = date(2025, 9, 8);

  @Test
  void weeks_with_at_least_one_absence_are_broken_weeks() {
    List<SessionMark> marks = new ArrayList<>(week(MONDAY, 0, "O"));
    marks.addAll(week(MONDAY.plusWeeks(1), 1, "I"));
    marks.addAll(week(MONDAY.plusWeeks(2), 2, "O"));

    BrokenWeeks broken = BrokenWeeks.of(marks, CALENDAR);

    assertThat(broken.broken()).containsExactly(MONDAY.plusWeeks(1), MONDAY.plusWeeks(2));
    assertThat(broken.count()).isEqualTo(2);
    assertThat(broken.weeksWithSessions()).isEqualTo(3);
  }

  @Test
  void case_29_dual_registered_days_do_not_break_a_week() {
    List<SessionMark> marks = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      marks.addAll(week(MONDAY.plusWeeks(w), 4, "D"));
    }

    assertThat(BrokenWeeks.of(marks, CALENDAR).count()).isZero();
    assertThat(AbsenceBreakdown.of(marks).total()).isZero();
  }

  @Test
  void a_week_with_no_possible_session_is_neither_broken_nor_counted() {
    List<SessionMark> marks = new ArrayList<>(week(MONDAY, 10, "X"));
    marks.addAll(week(MONDAY.plusWeeks(1), 1, "O"));

    BrokenWeeks broken = BrokenWeeks.of(marks, CALENDAR);

    assertThat(broken.broken()).containsExactly(MONDAY.plusWeeks(1));
    assertThat(broken.weeksWithSessions()).isEqualTo(1);
  }

  @Test
  void absences_are_broken_down_by_code_weekday_and_morning_or_afternoon() {
    List<SessionMark> marks =
        List.of(
            mark(MONDAY, Session.AM, "O"),
            mark(MONDAY.plusWeeks(1), Session.AM, "O"),
            mark(MONDAY.plusWeeks(2), Session.AM, "N"),
            mark(MONDAY.plusDays(4), Session.PM, "I"),
            mark(MONDAY.plusDays(1), Session.AM, "L"),
            mark(MONDAY.plusDays(2), Session.AM, "D"));

    AbsenceBreakdown b = AbsenceBreakdown.of(marks);

    assertThat(b.byCode()).containsExactly(Map.entry("O", 2), Map.entry("I", 1), Map.entry("N", 1));
    assertThat(b.byWeekday()).containsEntry(DayOfWeek.MONDAY, 3).containsEntry(DayOfWeek.FRIDAY, 1).containsEntry(DayOfWeek.TUESDAY, 0);
    assertThat(b.byWeekday()).hasSize(5);
    assertThat(b.bySession()).containsEntry(Session.AM, 3).containsEntry(Session.PM, 1);
    assertThat(b.total()).isEqualTo(4);
  }

  @Test
  void case_43_an_unmarked_session_is_left_out_of_possible_and_flags_the_register_as_incomplete() {
    List<SessionMark> marks = new ArrayList<>(week(MONDAY, 0, "O"));
    marks.removeIf(m -> m.date().equals(MONDAY.plusDays(2)) && m.session() == Session.PM);

    AttendanceFigures figures = AttendanceFigures.of(marks);
    RegisterCompleteness completeness =
        RegisterCompleteness.check(CALENDAR, REGISTER_TIMES, MONDAY, null, marks, LocalDateTime.of(2025, 9, 12, 16, 0));

    assertThat(figures.possible()).isEqualTo(9);
    assertThat(figures.attended()).as("not counted as present").isEqualTo(9);
    assertThat(completeness.unmarked()).containsExactly(SessionSlot.pm(MONDAY.plusDays(2)));
    assertThat(completeness.flag()).contains("Register incomplete: 1 session has no mark and is left out of the figures");
  }

  @Test
  void case_43_a_session_whose_register_has_not_closed_yet_is_not_missing() {
    List<SessionMark> marks = new ArrayList<>(week(MONDAY, 0, "O"));
    LocalDate friday = MONDAY.plusDays(4);
    marks.removeIf(m -> m.date().equals(friday) && m.session() == Session.PM);

    assertThat(RegisterCompleteness.check(CALENDAR, REGISTER_TIMES, MONDAY, null, marks, friday.atTime(13, 29)).isComplete()).isTrue();
    assertThat(RegisterCompleteness.check(CALENDAR, REGISTER_TIMES, MONDAY, null, marks, friday.atTime(13, 30)).unmarked())
        .containsExactly(SessionSlot.pm(friday));
  }

  @Test
  void case_17_a_bank_holiday_is_not_expected_to_have_marks() {
    LocalDate bankHolidayMonday = date(2026, 5, 4);
    List<SessionMark> marks = new ArrayList<>(week(bankHolidayMonday, 0, "O"));
    marks.removeIf(m -> m.date().equals(bankHolidayMonday));

    RegisterCompleteness completeness =
        RegisterCompleteness.check(CALENDAR, REGISTER_TIMES, bankHolidayMonday, null, marks, LocalDateTime.of(2026, 5, 8, 18, 0));

    assertThat(completeness.isComplete()).isTrue();
    assertThat(completeness.flag()).isEmpty();
    assertThat(AttendanceFigures.of(marks).possible()).isEqualTo(8);
  }

  @Test
  void sessions_before_the_pupil_joined_and_after_they_left_are_not_expected() {
    RegisterCompleteness c =
        RegisterCompleteness.check(CALENDAR, REGISTER_TIMES, MONDAY.plusDays(3), MONDAY.plusDays(3), List.of(), LocalDateTime.of(2025, 9, 30, 9, 0));

    assertThat(c.unmarked()).containsExactly(SessionSlot.am(MONDAY.plusDays(3)), SessionSlot.pm(MONDAY.plusDays(3)));
    assertThat(c.flag()).contains("Register incomplete: 2 sessions have no mark and are left out of the figures");
  }
}

package org.schoolgate.attendance.domain.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.schoolgate.attendance.domain.fixture.Section9.CALENDAR;
import static org.schoolgate.attendance.domain.fixture.Section9.CODES;
import static org.schoolgate.attendance.domain.fixture.Section9.date;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.leave.PartTimeTimetable.Review;
import org.schoolgate.attendance.domain.leave.PartTimeTimetable.TimetabledSession;
import org.schoolgate.attendance.domain.register.SessionSlot;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.platform.validation.InvalidInputException;

/** Part-time timetables (attendance rules §7.1; §9 case 30). */
class PartTimeTimetableTest {

  static final LocalDate START = date(2025, 9, 8);
  static final LocalDate END = date(2025, 9, 19);

  static Set<TimetabledSession> mornings() {
    Set<TimetabledSession> s = new HashSet<>();
    for (DayOfWeek d = DayOfWeek.MONDAY; d != DayOfWeek.SATURDAY; d = d.plus(1)) {
      s.add(new TimetabledSession(d, Session.AM));
    }
    return s;
  }

  static final PartTimeTimetable MORNINGS_ONLY = PartTimeTimetable.agree(START, END, mornings());

  @Test
  void case_30_two_weeks_of_mornings_only_project_fifty_percent_all_of_it_authorised() {
    AttendanceFigures p = MORNINGS_ONLY.projected(CALENDAR, AttendanceFigures.NONE);

    assertThat(p.possible()).isEqualTo(20);
    assertThat(p.attendanceRate().orElseThrow().forParents()).isEqualTo("50.0");
    assertThat(p.authorisedRate().orElseThrow().forParents()).isEqualTo("50.0");
    assertThat(p.unauthorised()).isZero();
    assertThat(p.severelyAbsent()).isTrue();
  }

  @Test
  void case_30_staff_are_warned_at_creation_that_the_plan_makes_the_pupil_severely_absent() {
    assertThat(MORNINGS_ONLY.creationWarnings(CALENDAR, AttendanceFigures.NONE))
        .singleElement()
        .asString()
        .contains("50.0%")
        .contains("severely absent");
  }

  @Test
  void a_short_plan_for_a_pupil_with_a_long_good_record_raises_no_warning() {
    AttendanceFigures autumn = new AttendanceFigures(300, 300, 0, 0, 0, 0);

    assertThat(MORNINGS_ONLY.creationWarnings(CALENDAR, autumn)).isEmpty();
  }

  @Test
  void case_30_the_review_falls_due_after_ten_school_days() {
    assertThat(MORNINGS_ONLY.reviewDueDates(CALENDAR)).containsExactly(date(2025, 9, 19));
  }

  @Test
  void review_dates_count_school_days_so_half_term_and_inset_are_skipped() {
    PartTimeTimetable plan = PartTimeTimetable.agree(date(2025, 10, 20), date(2025, 11, 28), mornings());

    assertThat(plan.reviewDueDates(CALENDAR)).containsExactly(date(2025, 11, 10), date(2025, 11, 24));
  }

  @Test
  void case_30_c2_is_given_for_untimetabled_sessions_and_blocked_after_the_end_date() {
    assertThat(MORNINGS_ONLY.c2For(CODES, SessionSlot.pm(END)).code()).isEqualTo("C2");
    assertThatThrownBy(() -> MORNINGS_ONLY.c2For(CODES, SessionSlot.pm(date(2025, 9, 22))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("after the part-time timetable ended on 2025-09-19 unless a review extends it");
    assertThatThrownBy(() -> MORNINGS_ONLY.c2For(CODES, SessionSlot.am(START)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("timetabled to attend");
  }

  @Test
  void case_30_a_plan_extended_at_a_recorded_review_allows_c2_again() {
    PartTimeTimetable extended =
        MORNINGS_ONLY.extend(date(2025, 10, 3), new Review(date(2025, 9, 19), "Pupil and mother agreed two more weeks"));

    assertThat(extended.c2For(CODES, SessionSlot.pm(date(2025, 9, 22))).code()).isEqualTo("C2");
    assertThat(extended.reviews()).hasSize(1);
    assertThatThrownBy(() -> MORNINGS_ONLY.extend(date(2025, 10, 3), null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new Review(date(2025, 9, 19), " ")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void a_plan_needs_an_end_date_after_its_start() {
    assertThatThrownBy(() -> PartTimeTimetable.agree(END, START, mornings()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("endDate"));
  }
}

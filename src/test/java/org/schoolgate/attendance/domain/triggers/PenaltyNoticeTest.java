package org.schoolgate.attendance.domain.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolgate.attendance.domain.triggers.Pupils.ofKind;
import static org.schoolgate.attendance.domain.triggers.Section9Calendar.CALENDAR;
import static org.schoolgate.attendance.domain.triggers.Section9Calendar.date;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.platform.security.StaffRole;

/** Penalty-notice consideration: 10 unauthorised sessions in 10 school weeks (§4.2, §9 cases 18-20). */
class PenaltyNoticeTest {

  /** §9 case 18: 4 G on Mon-Tue 1-2 Sep, then one U (Wednesday AM) in each week from w/c 15 Sep to w/c 13 Oct. */
  private static Pupils windowA(LocalDate presentUntil) {
    Pupils p = Pupils.presentUntil(presentUntil).code("G", date(2025, 9, 1), date(2025, 9, 2));
    for (LocalDate wed = date(2025, 9, 17); !wed.isAfter(date(2025, 10, 15)); wed = wed.plusWeeks(1)) {
      p.session(wed, Session.AM, "U");
    }
    return p;
  }

  @Test
  void case_18_the_tenth_unauthorised_session_on_five_november_raises_consider_penalty_notice() {
    Pupils pupil = windowA(date(2025, 11, 5)).session(date(2025, 11, 5), Session.AM, "U");

    List<TaskProposal> tasks = ofKind(pupil.evaluate(date(2025, 11, 5)), TaskKind.PENALTY_NOTICE_CONSIDERATION);

    assertThat(tasks).hasSize(1);
    TaskProposal task = tasks.get(0);
    assertThat(task.raisedOn()).isEqualTo(date(2025, 11, 5));
    assertThat(task.ownerRole()).isEqualTo(StaffRole.HEADTEACHER);
    assertThat(task.provisional()).isFalse();
    assertThat(task.details()).contains("10 unauthorised sessions (G 4, U 6)").contains("from w/c Mon 1 Sep to w/c Mon 3 Nov");
  }

  @Test
  void case_18_nine_unauthorised_sessions_raise_nothing() {
    assertThat(ofKind(windowA(date(2025, 11, 5)).evaluate(date(2025, 11, 5)), TaskKind.PENALTY_NOTICE_CONSIDERATION)).isEmpty();
  }

  @Test
  void case_19_with_the_sixth_u_in_week_seventeen_november_the_window_leaves_out_the_first_week_and_nothing_is_raised() {
    Pupils pupil = windowA(date(2025, 11, 19)).session(date(2025, 11, 19), Session.AM, "U");

    assertThat(ofKind(pupil.evaluate(date(2025, 11, 19)), TaskKind.PENALTY_NOTICE_CONSIDERATION)).isEmpty();
    PenaltyNoticeWindow window =
        PenaltyNoticeWindow.latest(pupil.build().marks(), CALENDAR, date(2025, 11, 19), 10).orElseThrow();
    assertThat(window.schoolWeeks()).startsWith(date(2025, 9, 8)).endsWith(date(2025, 11, 17)).hasSize(10);
    assertThat(window.unauthorised()).isEqualTo(6);
    assertThat(window.meetsThreshold(10)).isFalse();
  }

  @Test
  void case_20_the_window_crosses_the_summer_holiday_into_the_next_school_year() {
    Pupils pupil =
        Pupils.presentUntil(date(2026, 9, 11))
            .session(date(2026, 7, 13), Session.AM, "O")
            .session(date(2026, 7, 14), Session.AM, "O")
            .code("O", date(2026, 9, 7), date(2026, 9, 10));

    List<TaskProposal> tasks = ofKind(pupil.evaluate(date(2026, 9, 11)), TaskKind.PENALTY_NOTICE_CONSIDERATION);

    assertThat(tasks).extracting(TaskProposal::raisedOn).containsExactly(date(2026, 9, 10));
    assertThat(tasks.get(0).details()).contains("O 10");
  }

  @Test
  void unresolved_n_codes_count_towards_the_threshold_but_make_it_provisional() {
    Pupils pupil = windowA(date(2025, 11, 5)).session(date(2025, 11, 5), Session.AM, "N");

    TaskProposal task = ofKind(pupil.evaluate(date(2025, 11, 5)), TaskKind.PENALTY_NOTICE_CONSIDERATION).get(0);

    assertThat(task.provisional()).isTrue();
    assertThat(task.details()).contains("Provisional: 1 N code is not resolved yet");
  }

  @Test
  void the_consideration_keeps_its_key_while_the_count_stays_at_or_above_the_threshold() {
    Pupils pupil =
        windowA(date(2025, 11, 12)).session(date(2025, 11, 5), Session.AM, "U").session(date(2025, 11, 12), Session.AM, "U");

    List<TaskProposal> tasks = ofKind(pupil.evaluate(date(2025, 11, 12)), TaskKind.PENALTY_NOTICE_CONSIDERATION);

    assertThat(tasks).extracting(TaskProposal::dedupeKey).containsExactly("T-PN10:" + Pupils.PUPIL + ":2025-11-05:AM");
  }

  @Test
  void a_pupil_below_compulsory_school_age_is_never_considered_for_a_penalty_notice() {
    Pupils reception = windowA(date(2025, 11, 5)).session(date(2025, 11, 5), Session.AM, "U").bornOn(date(2021, 1, 15));

    assertThat(ofKind(reception.evaluate(date(2025, 11, 5)), TaskKind.PENALTY_NOTICE_CONSIDERATION)).isEmpty();
  }
}

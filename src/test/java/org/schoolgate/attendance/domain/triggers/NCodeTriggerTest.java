package org.schoolgate.attendance.domain.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolgate.attendance.domain.triggers.Pupils.ofKind;
import static org.schoolgate.attendance.domain.triggers.Section9Calendar.date;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.platform.security.StaffRole;

/** T-N5: an N code must be resolved by the end of the 5th school day after the session (§4.1, §9). */
class NCodeTriggerTest {

  private static TaskProposal nTask(Pupils pupil, java.time.LocalDate today) {
    List<TaskProposal> tasks = ofKind(pupil.evaluate(today), TaskKind.N_TO_RESOLVE);
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private static Pupils nOn(java.time.LocalDate day, java.time.LocalDate presentUntil) {
    return Pupils.presentUntil(presentUntil).session(day, Session.AM, "N");
  }

  @Test
  void case_15_an_n_on_monday_eight_september_is_due_by_the_end_of_monday_fifteen_september() {
    TaskProposal task = nTask(nOn(date(2025, 9, 8), date(2025, 9, 15)), date(2025, 9, 15));

    assertThat(task.dueDate()).isEqualTo(date(2025, 9, 15));
    assertThat(task.overdue()).isFalse();
    assertThat(task.proposedCode()).isNull();
    assertThat(task.ownerRole()).isEqualTo(StaffRole.OFFICE);
    assertThat(task.dedupeKey()).isEqualTo("T-N5:" + Pupils.PUPIL + ":2025-09-08:AM");
    assertThat(task.details()).startsWith("N on Mon 8 Sep AM is still unresolved").contains("Mon 15 Sep");
  }

  @Test
  void case_15_still_n_on_tuesday_sixteen_september_is_overdue_with_a_proposal_to_change_it_to_o() {
    TaskProposal task = nTask(nOn(date(2025, 9, 8), date(2025, 9, 16)), date(2025, 9, 16));

    assertThat(task.overdue()).isTrue();
    assertThat(task.proposedCode()).isEqualTo("O");
    assertThat(task.dedupeKey()).as("the same task as before the deadline").isEqualTo("T-N5:" + Pupils.PUPIL + ":2025-09-08:AM");
    assertThat(task.details()).contains("proposed change to O");
  }

  @Test
  void case_15_the_unresolved_n_counts_as_unauthorised_meanwhile() {
    var figures = org.schoolgate.attendance.domain.AttendanceFigures.of(nOn(date(2025, 9, 8), date(2025, 9, 16)).build().marks());
    assertThat(figures.unauthorised()).isEqualTo(1);
  }

  @Test
  void case_16_an_n_before_half_term_is_due_on_friday_seven_november_and_overdue_on_monday_ten_november() {
    Pupils pupil = nOn(date(2025, 10, 23), date(2025, 11, 10));

    TaskProposal onFriday = nTask(pupil, date(2025, 11, 7));
    assertThat(onFriday.dueDate()).isEqualTo(date(2025, 11, 7));
    assertThat(onFriday.overdue()).isFalse();
    assertThat(nTask(pupil, date(2025, 11, 10)).overdue()).isTrue();
  }

  @Test
  void a_resolved_n_raises_nothing() {
    Pupils pupil = Pupils.presentUntil(date(2025, 9, 16)).session(date(2025, 9, 8), Session.AM, "I");
    assertThat(ofKind(pupil.evaluate(date(2025, 9, 16)), TaskKind.N_TO_RESOLVE)).isEmpty();
  }

  @Test
  void an_n_at_the_end_of_the_calendar_still_gets_a_deadline_counted_in_weekdays() {
    Pupils pupil = Pupils.presentUntil(date(2026, 12, 18)).session(date(2026, 12, 17), Session.PM, "N");
    assertThat(nTask(pupil, date(2026, 12, 18)).dueDate()).isEqualTo(date(2026, 12, 24));
  }

  @Test
  void a_school_with_a_shorter_deadline_gets_an_earlier_due_date() {
    TriggerSettings three = new TriggerSettings(3, 3, 3, 5, 5, 10, 10, 20, 15, 3, 10, 10, 10);
    List<TaskProposal> tasks =
        TriggerEngine.evaluate(nOn(date(2025, 9, 8), date(2025, 9, 11)).build(), three, date(2025, 9, 11));
    assertThat(ofKind(tasks, TaskKind.N_TO_RESOLVE).get(0).dueDate()).isEqualTo(date(2025, 9, 11));
  }
}

package org.schoolgate.attendance.domain.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.schoolgate.attendance.domain.fixture.Section9.CODES;
import static org.schoolgate.attendance.domain.fixture.Section9.REGISTER_TIMES;
import static org.schoolgate.attendance.domain.fixture.Section9.date;
import static org.schoolgate.attendance.domain.fixture.Section9.mark;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.platform.validation.InvalidInputException;

/** What entering and changing a mark must record and refuse (attendance rules R1.3, R1.4, §2). */
class MarkChangeTest {

  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  static final LocalDate MONDAY = date(2026, 3, 2);

  @Test
  void a_changed_mark_keeps_the_old_code_the_new_code_the_reason_and_who_changed_it() {
    SessionMark n = mark(MONDAY, Session.AM, "N");

    MarkChange change = MarkChange.amend(CODES, n, "I", "Mother phoned: chickenpox", "A. Khan", "Attendance officer", NOW);

    assertThat(change.from()).map(c -> c.code()).contains("N");
    assertThat(change.to().code()).isEqualTo("I");
    assertThat(change.reason()).isEqualTo("Mother phoned: chickenpox");
    assertThat(change.changedBy()).isEqualTo("A. Khan");
    assertThat(change.position()).isEqualTo("Attendance officer");
    assertThat(change.toMark().countsAs().isAbsence()).isTrue();
  }

  @Test
  void changing_a_mark_without_a_reason_is_refused() {
    SessionMark n = mark(MONDAY, Session.AM, "N");

    assertThatThrownBy(() -> MarkChange.amend(CODES, n, "O", "  ", "A. Khan", "Attendance officer", NOW))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"))
        .hasMessageContaining("Give a reason for changing N to O");
  }

  @Test
  void codes_that_need_the_activity_recorded_are_refused_without_it() {
    SessionSlot slot = SessionSlot.am(MONDAY);
    for (String code : new String[] {"B", "K", "Y7"}) {
      assertThatThrownBy(() -> MarkChange.enter(CODES, slot, code, null, "A. Khan", "Teacher", NOW))
          .as(code)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("needs the activity or cause recorded");
    }
    assertThat(MarkChange.enter(CODES, slot, "B", "Forest school at the farm", "A. Khan", "Teacher", NOW).to().code())
        .isEqualTo("B");
    assertThat(MarkChange.enter(CODES, slot, "/", null, "A. Khan", "Teacher", NOW).reason()).isNull();
  }

  @Test
  void m_instead_of_a_late_needs_a_staff_override_reason() {
    ArrivalRule rule = new ArrivalRule(CODES, REGISTER_TIMES);
    Arrival late = rule.arrive(Session.AM, LocalTime.of(9, 40));

    assertThat(late.code().code()).isEqualTo("U");
    assertThatThrownBy(() -> MarkChange.overrideArrival(CODES, MONDAY, late, "M", null, "A. Khan", "Office", NOW))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Recording M instead of U needs a staff override reason");
    MarkChange m = MarkChange.overrideArrival(CODES, MONDAY, late, "M", "Dentist at 08:30, card seen", "A. Khan", "Office", NOW);
    assertThat(m.from()).map(c -> c.code()).contains("U");
    assertThat(m.toMark().countsAs().isAbsence()).isTrue();
    assertThat(m.toMark().code().late()).isFalse();
  }

  @Test
  void case_45_an_imported_h_from_2023_is_accepted_and_shown_as_historic() {
    MarkChange h = MarkChange.importHistoric(CODES, SessionSlot.am(date(2023, 5, 15)), "H", "previous MIS", NOW);

    assertThat(h.isHistoric()).isTrue();
    assertThat(h.imported()).isTrue();
    assertThat(h.displayCode()).isEqualTo("H (historic)");
  }

  @Test
  void case_45_h_for_a_2026_session_is_refused_whether_typed_or_imported() {
    assertThatThrownBy(() -> MarkChange.enter(CODES, SessionSlot.am(MONDAY), "H", "family holiday", "A. Khan", "Office", NOW))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("historic code and cannot be used for sessions after 18 August 2024");
    assertThatThrownBy(() -> MarkChange.importHistoric(CODES, SessionSlot.am(MONDAY), "H", "previous MIS", NOW))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void a_current_code_is_not_labelled_historic() {
    assertThat(MarkChange.enter(CODES, SessionSlot.pm(MONDAY), "\\", null, "A. Khan", "Teacher", NOW).displayCode())
        .isEqualTo("\\");
  }
}

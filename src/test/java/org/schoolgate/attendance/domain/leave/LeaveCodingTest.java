package org.schoolgate.attendance.domain.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.schoolgate.attendance.domain.fixture.Section9.CODES;
import static org.schoolgate.attendance.domain.fixture.Section9.REGISTER_TIMES;
import static org.schoolgate.attendance.domain.fixture.Section9.date;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.schoolgate.attendance.domain.AttendanceCode;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.attendance.domain.leave.LeaveDecision.Outcome;
import org.schoolgate.attendance.domain.leave.LeaveRequest.Purpose;
import org.schoolgate.attendance.domain.leave.LeaveRequest.Relationship;
import org.schoolgate.attendance.domain.register.SessionSlot;
import org.schoolgate.platform.validation.InvalidInputException;

/** Leave of absence and religious observance (attendance rules R6.1 to R6.4; §9 cases 31 to 34). */
class LeaveCodingTest {

  static final LeaveCoding CODING = new LeaveCoding(CODES, REGISTER_TIMES);
  static final LocalDate MONDAY = date(2026, 3, 2);
  static final LocalDateTime WEEK_BEFORE = MONDAY.minusDays(7).atTime(15, 0);
  static final LocalDateTime DECIDED = MONDAY.minusDays(5).atTime(12, 0);

  /** Both sessions of {@code days} school days from {@code first}. */
  static List<SessionSlot> days(LocalDate first, int days) {
    List<SessionSlot> slots = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      slots.add(SessionSlot.am(first.plusDays(d)));
      slots.add(SessionSlot.pm(first.plusDays(d)));
    }
    return slots;
  }

  static LeaveRequest fromResidentParent(Purpose purpose, LocalDateTime submitted, List<SessionSlot> sessions, Set<LocalDate> setApart) {
    return new LeaveRequest("Mrs Okafor", Relationship.PARENT, true, submitted, sessions, purpose, setApart, "Family reasons");
  }

  static Map<String, Long> countCodes(Collection<AttendanceCode> codes) {
    return codes.stream().collect(Collectors.groupingBy(AttendanceCode::code, Collectors.counting()));
  }

  @Test
  void case_31_only_the_day_the_religious_body_sets_apart_is_r_and_the_extra_days_are_unauthorised() {
    LeaveRequest request =
        fromResidentParent(Purpose.RELIGIOUS_OBSERVANCE, WEEK_BEFORE, days(date(2026, 3, 4), 3), Set.of(date(2026, 3, 4)));
    LeaveDecision decision = CODING.decide(request, List.of(), "Head", DECIDED, "No exceptional circumstances for extra days");

    Map<SessionSlot, AttendanceCode> codes = CODING.codesFor(request, decision, request.requested());

    assertThat(decision.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(countCodes(codes.values())).containsOnly(Map.entry("R", 2L), Map.entry("O", 4L));
    assertThat(codes.get(SessionSlot.am(date(2026, 3, 4))).code()).isEqualTo("R");
    AttendanceFigures f = AttendanceFigures.of(marks(codes));
    assertThat(f.absent()).isEqualTo(6);
    assertThat(f.authorised()).isEqualTo(2);
    assertThat(f.unauthorised()).isEqualTo(4);
  }

  @Test
  void case_31_extra_religious_days_granted_as_exceptional_are_c() {
    LeaveRequest request =
        fromResidentParent(Purpose.RELIGIOUS_OBSERVANCE, WEEK_BEFORE, days(date(2026, 3, 4), 2), Set.of(date(2026, 3, 4)));
    LeaveDecision decision = CODING.decide(request, days(date(2026, 3, 5), 1), "Head", DECIDED, "Family travelling to the festival");

    assertThat(countCodes(CODING.codesFor(request, decision, request.requested()).values()))
        .containsOnly(Map.entry("R", 2L), Map.entry("C", 2L));
  }

  @Test
  void case_32_a_request_made_the_day_after_the_absence_began_cannot_be_granted_and_is_coded_g() {
    LeaveRequest request = fromResidentParent(Purpose.HOLIDAY, MONDAY.plusDays(1).atTime(10, 0), days(MONDAY, 5), Set.of());

    LeaveDecision decision = CODING.decide(request, request.requested(), "Head", MONDAY.plusDays(1).atTime(11, 0), "Granted");

    assertThat(decision.outcome()).isEqualTo(Outcome.CANNOT_BE_GRANTED_RETROSPECTIVE);
    assertThat(decision.outcome().label()).isEqualTo("Cannot be granted: retrospective");
    assertThat(decision.granted()).isEmpty();
    assertThat(countCodes(CODING.codesFor(request, decision, request.requested()).values())).containsOnly(Map.entry("G", 10L));
  }

  @Test
  void case_32_a_request_made_when_the_first_register_opens_is_retrospective_and_a_second_earlier_is_not() {
    List<SessionSlot> sessions = days(MONDAY, 1);

    assertThat(CODING.cannotBeGranted(fromResidentParent(Purpose.OTHER, MONDAY.atTime(8, 50), sessions, Set.of())))
        .contains(Outcome.CANNOT_BE_GRANTED_RETROSPECTIVE);
    assertThat(CODING.cannotBeGranted(fromResidentParent(Purpose.OTHER, MONDAY.atTime(8, 49, 59), sessions, Set.of()))).isEmpty();
  }

  @Test
  void case_33_leave_asked_for_by_a_parent_the_pupil_does_not_live_with_cannot_be_granted() {
    LeaveRequest request =
        new LeaveRequest("Mr Okafor", Relationship.PARENT, false, MONDAY.minusDays(5).atTime(9, 0), days(MONDAY, 2), Purpose.OTHER, Set.of(), "Wedding");

    LeaveDecision decision = CODING.decide(request, request.requested(), "Head", DECIDED, "Granted");

    assertThat(decision.outcome()).isEqualTo(Outcome.CANNOT_BE_GRANTED_REQUESTER);
    assertThat(countCodes(CODING.codesFor(request, decision, request.requested()).values())).containsOnly(Map.entry("O", 4L));
  }

  @Test
  void someone_who_is_not_a_parent_cannot_ask_for_leave_even_if_the_pupil_lives_with_them() {
    LeaveRequest request =
        new LeaveRequest("Family friend", Relationship.OTHER, true, WEEK_BEFORE, days(MONDAY, 1), Purpose.OTHER, Set.of(), "Trip");

    assertThat(CODING.cannotBeGranted(request)).contains(Outcome.CANNOT_BE_GRANTED_REQUESTER);
  }

  @Test
  void case_34_three_of_five_days_granted_and_all_five_taken_gives_six_c_and_four_g() {
    LeaveRequest request = fromResidentParent(Purpose.HOLIDAY, WEEK_BEFORE, days(MONDAY, 5), Set.of());
    LeaveDecision decision = CODING.decide(request, days(MONDAY, 3), "Head", DECIDED, "Three days for the funeral abroad");

    Map<SessionSlot, AttendanceCode> codes = CODING.codesFor(request, decision, request.requested());

    assertThat(decision.outcome()).isEqualTo(Outcome.PARTLY_GRANTED);
    assertThat(countCodes(codes.values())).containsOnly(Map.entry("C", 6L), Map.entry("G", 4L));
    assertThat(codes.get(SessionSlot.pm(MONDAY.plusDays(4))).code()).isEqualTo("G");
  }

  @Test
  void sessions_taken_beyond_those_requested_are_unauthorised() {
    LeaveRequest request = fromResidentParent(Purpose.OTHER, WEEK_BEFORE, days(MONDAY, 1), Set.of());
    LeaveDecision decision = CODING.decide(request, request.requested(), "Head", DECIDED, "Granted");

    assertThat(decision.outcome()).isEqualTo(Outcome.GRANTED);
    assertThat(CODING.codeFor(request, decision, SessionSlot.am(MONDAY.plusDays(1))).code()).isEqualTo("O");
  }

  @Test
  void a_headteacher_cannot_grant_sessions_nobody_asked_for() {
    LeaveRequest request = fromResidentParent(Purpose.HOLIDAY, WEEK_BEFORE, days(MONDAY, 1), Set.of());

    assertThatThrownBy(() -> CODING.decide(request, days(MONDAY.plusDays(1), 1), "Head", DECIDED, "ok"))
        .isInstanceOf(InvalidInputException.class);
  }

  static List<SessionMark> marks(Map<SessionSlot, AttendanceCode> codes) {
    return codes.entrySet().stream()
        .map(e -> SessionMark.of(e.getKey().date(), e.getKey().session(), e.getValue()))
        .collect(Collectors.toList());
  }

}

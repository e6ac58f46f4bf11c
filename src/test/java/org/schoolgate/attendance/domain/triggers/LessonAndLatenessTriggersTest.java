package org.schoolgate.attendance.domain.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolgate.attendance.domain.triggers.Pupils.ofKind;
import static org.schoolgate.attendance.domain.triggers.Section9Calendar.date;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.platform.security.StaffRole;

/** Absence from a lesson after registration (R1.5, §9 case 44) and lateness after the register closes (T-U-PATTERN). */
class LessonAndLatenessTriggersTest {

  private static final LocalDate TUESDAY = date(2025, 9, 9);

  @Test
  void case_44_a_pupil_registered_present_but_missing_period_two_raises_a_same_day_pastoral_alert() {
    Pupils pupil =
        Pupils.presentUntil(TUESDAY).lesson(new LessonMark(TUESDAY, Session.AM, 2, "Maths", LessonMarkType.ABSENT, null));

    List<TaskProposal> tasks = pupil.evaluate(TUESDAY);

    assertThat(tasks).extracting(TaskProposal::kind).containsExactly(TaskKind.POST_REGISTRATION_ABSENCE);
    TaskProposal alert = tasks.get(0);
    assertThat(alert.dueDate()).isEqualTo(TUESDAY);
    assertThat(alert.ownerRole()).isEqualTo(StaffRole.PASTORAL_LEAD);
    assertThat(alert.details()).contains("Registered present (/) on Tue 9 Sep AM but absent from period 2 (Maths)");
  }

  @Test
  void case_44_the_statutory_session_stays_present_and_the_percentage_is_unchanged() {
    PupilTimeline timeline =
        Pupils.presentUntil(TUESDAY).lesson(new LessonMark(TUESDAY, Session.AM, 2, "Maths", LessonMarkType.ABSENT, null)).build();

    assertThat(timeline.marks()).filteredOn(m -> m.date().equals(TUESDAY) && m.session() == Session.AM)
        .extracting(m -> m.code().code()).containsExactly("/");
    assertThat(AttendanceFigures.of(timeline.marks()).attendanceRate().orElseThrow().forParents()).isEqualTo("100.0");
  }

  @Test
  void a_lesson_missed_with_a_known_reason_or_in_a_session_the_pupil_missed_raises_no_alert() {
    Pupils withReason =
        Pupils.presentUntil(TUESDAY).lesson(new LessonMark(TUESDAY, Session.AM, 2, "Maths", LessonMarkType.ABSENT, "music lesson"));
    assertThat(ofKind(withReason.evaluate(TUESDAY), TaskKind.POST_REGISTRATION_ABSENCE)).isEmpty();

    Pupils absentSession =
        Pupils.presentUntil(TUESDAY).session(TUESDAY, Session.PM, "I").lesson(new LessonMark(TUESDAY, Session.PM, 4, "PE", LessonMarkType.ABSENT, null));
    assertThat(ofKind(absentSession.evaluate(TUESDAY), TaskKind.POST_REGISTRATION_ABSENCE)).isEmpty();
  }

  @Test
  void the_third_late_after_close_in_a_half_term_brings_one_lateness_support_letter() {
    Pupils pupil =
        Pupils.presentUntil(date(2025, 10, 24))
            .session(date(2025, 9, 3), Session.AM, "U")
            .session(date(2025, 9, 17), Session.AM, "U")
            .session(date(2025, 10, 1), Session.AM, "U")
            .session(date(2025, 10, 8), Session.AM, "U");

    List<TaskProposal> letters = ofKind(pupil.evaluate(date(2025, 10, 24)), TaskKind.LATENESS_SUPPORT);

    assertThat(letters).extracting(TaskProposal::raisedOn).containsExactly(date(2025, 10, 1));
    assertThat(letters.get(0).ownerRole()).isEqualTo(StaffRole.PASTORAL_LEAD);
    assertThat(letters.get(0).details()).contains("Wed 3 Sep AM, Wed 17 Sep AM, Wed 1 Oct AM");
  }

  @Test
  void lates_either_side_of_half_term_are_counted_in_separate_half_terms() {
    Pupils pupil =
        Pupils.presentUntil(date(2025, 11, 14))
            .session(date(2025, 10, 22), Session.AM, "U")
            .session(date(2025, 10, 23), Session.AM, "U")
            .session(date(2025, 11, 5), Session.AM, "U");

    assertThat(ofKind(pupil.evaluate(date(2025, 11, 14)), TaskKind.LATENESS_SUPPORT)).isEmpty();
  }
}

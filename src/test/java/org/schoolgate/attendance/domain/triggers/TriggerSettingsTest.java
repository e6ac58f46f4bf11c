package org.schoolgate.attendance.domain.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.schoolgate.attendance.domain.triggers.Pupils.dueDates;
import static org.schoolgate.attendance.domain.triggers.Pupils.ofKind;
import static org.schoolgate.attendance.domain.triggers.Section9Calendar.date;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.directory.domain.Phase;
import org.schoolgate.directory.domain.RegisterTimes;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.Trust;

/** The school's own trigger settings (§0.3) change what the triggers propose. */
class TriggerSettingsTest {

  private static School school() {
    return new School(
        new Trust("Northern Lights Academy Trust"), "100001", "Riverside Primary", Phase.PRIMARY,
        new RegisterTimes(LocalTime.of(8, 40), LocalTime.of(13, 10), 30, LocalTime.of(12, 0), LocalTime.of(15, 15)));
  }

  @Test
  void a_school_that_visits_on_day_two_and_every_two_days_gets_its_own_visit_dates() {
    School school = school();
    school.changeTriggerSettings(10, 5, 2, 2, 10);
    Pupils pupil = Pupils.presentUntil(date(2026, 2, 27)).code("N", date(2026, 3, 2), date(2026, 3, 6));

    List<TaskProposal> tasks = TriggerEngine.evaluate(pupil.build(), TriggerSettings.of(school), date(2026, 3, 6));

    assertThat(dueDates(tasks, TaskKind.HOME_VISIT)).containsExactly(date(2026, 3, 3), date(2026, 3, 5));
  }

  @Test
  void a_school_whose_authority_is_told_at_twenty_days_sends_no_separate_missing_from_school_report() {
    School school = school();
    school.changeTriggerSettings(10, 5, 3, 3, 20);
    Pupils pupil = Pupils.presentUntil(date(2026, 4, 27)).code("O", date(2026, 4, 28), date(2026, 5, 12));

    List<TaskProposal> tasks = TriggerEngine.evaluate(pupil.build(), TriggerSettings.of(school), date(2026, 5, 12));

    assertThat(ofKind(tasks, TaskKind.MISSING_FROM_SCHOOL_REPORT)).isEmpty();
    assertThat(ofKind(tasks, TaskKind.ATTENDANCE_RETURN)).as("the statutory return stays at 10 days").hasSize(1);
  }

  @Test
  void the_defaults_are_those_of_the_rules() {
    TriggerSettings d = TriggerSettings.defaults();
    assertThat(List.of(d.nCodeDeadlineDays(), d.homeVisitDay(), d.homeVisitRepeatDays(), d.safeguardingDays(), d.attendanceReturnDays(), d.cmeDays()))
        .containsExactly(5, 3, 3, 5, 10, 20);
    assertThat(TriggerSettings.of(school())).isEqualTo(d);
  }

  @Test
  void zero_day_settings_are_refused() {
    assertThatThrownBy(() -> new TriggerSettings(0, 3, 3, 5, 5, 10, 10, 20, 15, 3, 10, 10, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

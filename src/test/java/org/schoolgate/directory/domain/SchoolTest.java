package org.schoolgate.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolgate.platform.validation.InvalidInputException;

/** A school and its settings (attendance rules §0.3). */
class SchoolTest {

  private final Trust trust = new Trust("Riverside Learning Trust");
  private final RegisterTimes times =
      new RegisterTimes(LocalTime.of(8, 40), LocalTime.of(13, 0), 30, LocalTime.of(12, 0), LocalTime.of(15, 15));

  private School school() {
    return new School(trust, "100001", "Riverside Primary", Phase.PRIMARY, times);
  }

  private static BigDecimal hours(String h) {
    return new BigDecimal(h);
  }

  @Test
  void a_new_school_keeps_its_urn_name_phase_and_trust() {
    School school = new School(trust, "137204", "  Riverside Academy ", Phase.SECONDARY, times);
    assertThat(school.getUrn()).isEqualTo("137204");
    assertThat(school.getName()).isEqualTo("Riverside Academy");
    assertThat(school.getPhase()).isEqualTo(Phase.SECONDARY);
    assertThat(school.getTrust()).isSameAs(trust);
  }

  @Test
  void a_school_works_in_london_time() {
    assertThat(school().zone()).isEqualTo(ZoneId.of("Europe/London"));
  }

  @Test
  void a_new_school_starts_with_the_defaults_of_the_attendance_rules() {
    School school = school();
    assertThat(school.getAmSessionHours()).isEqualByComparingTo("2.5");
    assertThat(school.getPmSessionHours()).isEqualByComparingTo("2.5");
    assertThat(school.getAmLessons()).isEqualTo(3);
    assertThat(school.getPmLessons()).isEqualTo(2);
    assertThat(school.getSchoolYearDays()).isEqualTo(190);
    assertThat(school.getMinPossibleSessions()).isEqualTo(10);
    assertThat(school.getNCodeDeadlineDays()).isEqualTo(5);
    assertThat(school.getHomeVisitDay()).isEqualTo(3);
    assertThat(school.getHomeVisitRepeatDays()).isEqualTo(3);
    assertThat(school.getCmeNotifyDays()).isEqualTo(10);
    assertThat(school.getStageModel()).isEqualTo(StageModel.FOUR_STAGE);
    assertThat(school.stageThresholds()).isEqualTo(StageThresholds.dfeDefaults());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"10000", "1000011", "10000A", "", " 100001", "URN100"})
  void a_urn_that_is_not_six_digits_is_refused_naming_the_urn(String urn) {
    assertThatThrownBy(() -> new School(trust, urn, "Riverside Primary", Phase.PRIMARY, times))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("urn");
              assertThat(e.getMessage()).startsWith("URN:");
            });
  }

  @Test
  void a_school_without_a_urn_or_a_name_is_refused() {
    assertThatThrownBy(() -> new School(trust, null, "Riverside Primary", Phase.PRIMARY, times))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("urn"));
    assertThatThrownBy(() -> new School(trust, "100001", "  ", Phase.PRIMARY, times))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
  }

  @Test
  void a_school_cannot_be_set_up_with_a_register_open_for_thirty_one_minutes() {
    RegisterTimes tooLong = new RegisterTimes(LocalTime.of(8, 40), LocalTime.of(13, 0), 31, LocalTime.of(12, 0), LocalTime.of(15, 15));
    assertThatThrownBy(() -> new School(trust, "100001", "Riverside Primary", Phase.PRIMARY, tooLong))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("may not exceed 30 minutes");
  }

  @Test
  void changing_the_register_to_stay_open_too_long_is_refused_and_the_old_times_stay() {
    School school = school();
    RegisterTimes tooLong = new RegisterTimes(LocalTime.of(8, 45), LocalTime.of(13, 0), 45, LocalTime.of(12, 0), LocalTime.of(15, 15));
    assertThatThrownBy(() -> school.changeRegisterTimes(tooLong)).isInstanceOf(InvalidInputException.class);
    assertThat(school.registerTimes()).isEqualTo(times);
  }

  @Test
  void changed_register_times_are_kept() {
    School school = school();
    RegisterTimes later = new RegisterTimes(LocalTime.of(8, 55), LocalTime.of(13, 10), 15, LocalTime.of(12, 10), LocalTime.of(15, 20));
    school.changeRegisterTimes(later);
    assertThat(school.registerTimes()).isEqualTo(later);
    assertThat(school.registerTimes().amClose()).isEqualTo(LocalTime.of(9, 10));
  }

  @Test
  void session_hours_and_lessons_can_differ_between_morning_and_afternoon() {
    // rules §9 case 35: hours AM 3.0 / PM 2.0, lessons AM 3 / PM 2
    School school = school();
    school.changeSessionLengths(hours("3.0"), hours("2.0"), 3, 2);
    assertThat(school.sessionHours(Session.AM)).isEqualByComparingTo("3.0");
    assertThat(school.sessionHours(Session.PM)).isEqualByComparingTo("2.0");
    assertThat(school.lessons(Session.AM)).isEqualTo(3);
    assertThat(school.lessons(Session.PM)).isEqualTo(2);
  }

  @Test
  void a_session_of_up_to_six_hours_is_accepted_and_longer_or_empty_sessions_are_refused() {
    School school = school();
    school.changeSessionLengths(hours("6"), hours("0.5"), 0, 8);
    assertThat(school.getAmSessionHours()).isEqualByComparingTo("6");

    assertThatThrownBy(() -> school.changeSessionLengths(hours("6.01"), hours("2.5"), 3, 2))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("amSessionHours"));
    assertThatThrownBy(() -> school.changeSessionLengths(hours("0"), hours("2.5"), 3, 2))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("amSessionHours"));
    assertThatThrownBy(() -> school.changeSessionLengths(hours("2.5"), hours("-1"), 3, 2))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("pmSessionHours"));
    assertThatThrownBy(() -> school.changeSessionLengths(hours("2.5"), null, 3, 2))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("pmSessionHours"));
    assertThat(school.getAmSessionHours()).as("unchanged after refusals").isEqualByComparingTo("6");
  }

  @Test
  void lessons_per_session_outside_nought_to_eight_are_refused() {
    School school = school();
    assertThatThrownBy(() -> school.changeSessionLengths(hours("2.5"), hours("2.5"), 9, 2))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("lessons"));
    assertThatThrownBy(() -> school.changeSessionLengths(hours("2.5"), hours("2.5"), 3, -1))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("lessons"));
    assertThat(school.getAmLessons()).isEqualTo(3);
  }

  @Test
  void stage_thresholds_and_comparators_are_kept_as_the_school_chose_them() {
    School school = school();
    StageThresholds stoccat =
        new StageThresholds(
            new BigDecimal("95"), ThresholdComparator.BELOW,
            new BigDecimal("90"), ThresholdComparator.BELOW,
            new BigDecimal("50"), ThresholdComparator.BELOW);
    school.changeStageThresholds(StageModel.TWIN_TRACK, stoccat);
    assertThat(school.stageThresholds()).isEqualTo(stoccat);
    assertThat(school.getStageModel()).isEqualTo(StageModel.TWIN_TRACK);
  }

  @Test
  void thresholds_that_do_not_fall_from_listen_to_enforce_are_refused_and_the_old_ones_stay() {
    School school = school();
    StageThresholds upsideDown =
        new StageThresholds(
            new BigDecimal("50"), ThresholdComparator.BELOW,
            new BigDecimal("90"), ThresholdComparator.AT_OR_BELOW,
            new BigDecimal("96"), ThresholdComparator.AT_OR_BELOW);
    assertThatThrownBy(() -> school.changeStageThresholds(StageModel.FOUR_STAGE, upsideDown))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("thresholds"));
    assertThat(school.stageThresholds()).isEqualTo(StageThresholds.dfeDefaults());
  }

  @Test
  void trigger_settings_must_be_positive() {
    School school = school();
    school.changeTriggerSettings(0, 5, 3, 3, 20);
    assertThat(school.getMinPossibleSessions()).isZero();
    assertThat(school.getCmeNotifyDays()).isEqualTo(20);
    assertThatThrownBy(() -> school.changeTriggerSettings(10, 0, 3, 3, 10))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("triggers"));
    assertThatThrownBy(() -> school.changeTriggerSettings(-1, 5, 3, 3, 10)).isInstanceOf(InvalidInputException.class);
    assertThat(school.getNCodeDeadlineDays()).isEqualTo(5);
  }

  @Test
  void a_brand_colour_must_be_a_hex_colour_and_a_brand_key_a_folder_name() {
    School school = school();
    school.changeBranding("riverside-primary", "#1a4f8b");
    assertThat(school.getBrandKey()).isEqualTo("riverside-primary");
    assertThat(school.getBrandColour()).isEqualTo("#1a4f8b");
    assertThatThrownBy(() -> school.changeBranding("riverside", "blue"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("brandColour"));
    assertThatThrownBy(() -> school.changeBranding("../etc", "#1a4f8b"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("brandKey"));
    school.changeBranding(" ", "");
    assertThat(school.getBrandKey()).isNull();
    assertThat(school.getBrandColour()).isNull();
  }

  @Test
  void secondary_and_all_through_schools_take_lesson_registers_and_primary_schools_do_not() {
    assertThat(Phase.SECONDARY.takesLessonRegisters()).isTrue();
    assertThat(Phase.ALL_THROUGH.takesLessonRegisters()).isTrue();
    assertThat(Phase.PRIMARY.takesLessonRegisters()).isFalse();
    assertThat(Phase.SPECIAL.takesLessonRegisters()).isFalse();
  }

  @Test
  void a_trust_needs_a_name() {
    assertThat(new Trust("  Riverside Learning Trust ").getName()).isEqualTo("Riverside Learning Trust");
    assertThatThrownBy(() -> new Trust(" ")).isInstanceOf(IllegalArgumentException.class);
    Trust trust = new Trust("Old name");
    trust.rename("New name");
    assertThat(trust.getName()).isEqualTo("New name");
  }
}

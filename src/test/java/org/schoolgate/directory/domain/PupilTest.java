package org.schoolgate.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolgate.platform.validation.InvalidInputException;

class PupilTest {

  private final School school =
      new School(
          new Trust("Riverside Learning Trust"), "100001", "Riverside Primary", Phase.PRIMARY,
          new RegisterTimes(LocalTime.of(8, 40), LocalTime.of(13, 0), 30, LocalTime.of(12, 0), LocalTime.of(15, 15)));

  private static final LocalDate BORN = LocalDate.of(2018, 3, 1);
  /** Rules §9 case 42: expected from Wed 7 Jan 2026. */
  private static final LocalDate JOINED = LocalDate.of(2026, 1, 7);

  private Pupil pupil(String upn) {
    return new Pupil(school, upn, "Mohammed", "Khan", BORN, 2, Gender.MALE, JOINED);
  }

  private Pupil pupil() {
    return pupil("A123456789012");
  }

  // --- UPN ---

  @Test
  void a_permanent_upn_of_a_letter_and_twelve_digits_is_accepted() {
    assertThat(pupil("H801200001001").getUpn()).isEqualTo("H801200001001");
  }

  @Test
  void a_temporary_upn_ending_in_a_letter_is_accepted() {
    assertThat(pupil("H80120000100A").getUpn()).isEqualTo("H80120000100A");
  }

  @Test
  void a_upn_typed_in_lower_case_with_spaces_around_it_is_stored_in_capitals() {
    assertThat(pupil("  h801200001001 ").getUpn()).isEqualTo("H801200001001");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "H80120000100", // 12 characters
        "H8012000010011", // 14 characters
        "801200001001H", // starts with a digit
        "H80120A001001", // a letter in the middle
        "H 801200001001",
        "",
        "   "
      })
  void a_upn_of_the_wrong_shape_is_refused_with_a_message_naming_the_upn(String upn) {
    assertThatThrownBy(() -> pupil(upn))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("upn");
              assertThat(e.getMessage()).startsWith("UPN:").contains("is not a 13-character UPN");
            });
  }

  @Test
  void a_missing_upn_is_refused() {
    assertThatThrownBy(() -> pupil(null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("upn"));
  }

  // --- other required details ---

  @Test
  void a_pupil_needs_legal_names_a_date_of_birth_a_year_group_and_a_date_on_roll() {
    assertThatThrownBy(() -> new Pupil(school, "A123456789012", " ", "Khan", BORN, 2, Gender.MALE, JOINED))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("legalFirstName"));
    assertThatThrownBy(() -> new Pupil(school, "A123456789012", "Mohammed", null, BORN, 2, Gender.MALE, JOINED))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("legalLastName"));
    assertThatThrownBy(() -> new Pupil(school, "A123456789012", "Mohammed", "Khan", null, 2, Gender.MALE, JOINED))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("dateOfBirth"));
    assertThatThrownBy(() -> new Pupil(school, "A123456789012", "Mohammed", "Khan", BORN, 2, Gender.MALE, null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("onRollFrom"));
  }

  @Test
  void year_groups_run_from_nursery_to_year_fourteen() {
    assertThat(new Pupil(school, "A123456789012", "Ada", "Lee", BORN, -1, Gender.FEMALE, JOINED).getYearGroup()).isEqualTo(-1);
    assertThat(new Pupil(school, "A123456789012", "Ada", "Lee", BORN, 14, Gender.FEMALE, JOINED).getYearGroup()).isEqualTo(14);
    assertThatThrownBy(() -> new Pupil(school, "A123456789012", "Ada", "Lee", BORN, -2, Gender.FEMALE, JOINED))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("yearGroup"));
    assertThatThrownBy(() -> new Pupil(school, "A123456789012", "Ada", "Lee", BORN, 15, Gender.FEMALE, JOINED))
        .isInstanceOf(InvalidInputException.class);
    assertThat(YearGroups.label(-1)).isEqualTo("Nursery");
    assertThat(YearGroups.label(0)).isEqualTo("Reception");
    assertThat(YearGroups.label(7)).isEqualTo("Year 7");
  }

  @Test
  void placing_a_pupil_in_a_class_takes_the_year_group_of_the_class() {
    Pupil pupil = pupil();
    TeachingGroup year3 = new TeachingGroup(school, "Willow", 3);
    pupil.placeIn(year3);
    assertThat(pupil.getGroup()).isSameAs(year3);
    assertThat(pupil.getYearGroup()).isEqualTo(3);
  }

  // --- on roll ---

  @Test
  void a_pupil_is_on_roll_from_the_first_day_they_were_expected_even_with_no_leaving_date() {
    Pupil pupil = pupil();
    assertThat(pupil.isOnRoll(JOINED.minusDays(1))).isFalse();
    assertThat(pupil.isOnRoll(JOINED)).isTrue();
    assertThat(pupil.isOnRoll(LocalDate.of(2031, 7, 18))).isTrue();
  }

  @Test
  void a_pupil_is_on_roll_up_to_and_including_their_leaving_date() {
    Pupil pupil = pupil();
    pupil.changeRoll(JOINED, LocalDate.of(2026, 7, 17), false);
    assertThat(pupil.isOnRoll(LocalDate.of(2026, 7, 17))).isTrue();
    assertThat(pupil.isOnRoll(LocalDate.of(2026, 7, 18))).isFalse();
  }

  @Test
  void a_pupil_may_join_and_leave_on_the_same_day_but_not_leave_before_joining() {
    Pupil pupil = pupil();
    pupil.changeRoll(JOINED, JOINED, true);
    assertThat(pupil.isOnRoll(JOINED)).isTrue();
    assertThat(pupil.isOnRoll(JOINED.plusDays(1))).isFalse();
    assertThat(pupil.isDualRegistered()).isTrue();

    assertThatThrownBy(() -> pupil.changeRoll(JOINED, JOINED.minusDays(1), false))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("onRollTo"));
    assertThatThrownBy(() -> pupil.changeRoll(null, null, false))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("onRollFrom"));
    assertThat(pupil.getOnRollTo()).as("unchanged after a refusal").isEqualTo(JOINED);
  }

  // --- vulnerability and human decisions ---

  @Test
  void a_pupil_with_no_flags_is_not_vulnerable_and_steps_may_be_automatic() {
    Pupil pupil = pupil();
    assertThat(pupil.isVulnerable()).isFalse();
    assertThat(pupil.needsHumanDecision()).isFalse();
  }

  @Test
  void each_safeguarding_flag_on_its_own_makes_a_pupil_vulnerable() {
    boolean[][] flags = {
      {true, false, false, false, false},
      {false, true, false, false, false},
      {false, false, true, false, false},
      {false, false, false, true, false},
      {false, false, false, false, true}
    };
    for (boolean[] f : flags) {
      Pupil pupil = pupil();
      pupil.changeSafeguardingFlags(f[0], f[1], f[2], f[3], f[4]);
      assertThat(pupil.isVulnerable()).as(java.util.Arrays.toString(f)).isTrue();
    }
  }

  @Test
  void looked_after_child_protection_and_child_in_need_need_a_human_decision() {
    Pupil lookedAfter = pupil();
    lookedAfter.changeSafeguardingFlags(true, false, false, false, false);
    Pupil childInNeed = pupil();
    childInNeed.changeSafeguardingFlags(false, false, true, false, false);
    Pupil childProtection = pupil();
    childProtection.changeSafeguardingFlags(false, false, false, true, false);
    assertThat(lookedAfter.needsHumanDecision()).isTrue();
    assertThat(childInNeed.needsHumanDecision()).isTrue();
    assertThat(childProtection.needsHumanDecision()).isTrue();
  }

  @Test
  void sen_support_and_an_ehcp_need_a_human_decision() {
    Pupil senSupport = pupil();
    senSupport.changeNeeds(SenStatus.K, false, false);
    Pupil ehcp = pupil();
    ehcp.changeNeeds(SenStatus.EHCP, false, false);
    assertThat(senSupport.needsHumanDecision()).isTrue();
    assertThat(ehcp.needsHumanDecision()).isTrue();
    assertThat(ehcp.isVulnerable()).as("SEN alone is not a safeguarding flag").isFalse();
  }

  @Test
  void a_social_worker_or_the_vulnerable_list_alone_does_not_block_automatic_steps() {
    // rules §5.1 lists EHCP, SEND, CP, CIN and LAC only
    Pupil withSocialWorker = pupil();
    withSocialWorker.changeSafeguardingFlags(false, true, false, false, false);
    Pupil onList = pupil();
    onList.changeSafeguardingFlags(false, false, false, false, true);
    Pupil pupilPremium = pupil();
    pupilPremium.changeNeeds(SenStatus.NONE, true, true);
    assertThat(withSocialWorker.needsHumanDecision()).isFalse();
    assertThat(onList.needsHumanDecision()).isFalse();
    assertThat(pupilPremium.needsHumanDecision()).isFalse();
  }

  // --- names ---

  @Test
  void a_pupil_without_preferred_names_goes_by_their_legal_name() {
    Pupil pupil = pupil();
    assertThat(pupil.displayName()).isEqualTo("Mohammed Khan");
    assertThat(pupil.preferredFirstName()).isEqualTo("Mohammed");
  }

  @Test
  void a_preferred_first_name_replaces_the_legal_first_name_in_the_display_name_only() {
    Pupil pupil = pupil();
    pupil.rename("Mohammed", "Khan", " Mo ", null);
    assertThat(pupil.displayName()).isEqualTo("Mo Khan");
    assertThat(pupil.preferredFirstName()).isEqualTo("Mo");
    assertThat(pupil.legalFullName()).isEqualTo("Mohammed Khan");
  }

  @Test
  void a_preferred_last_name_replaces_the_legal_last_name_in_the_display_name() {
    Pupil pupil = pupil();
    pupil.rename("Mohammed", "Khan", "Mo", "Ali");
    assertThat(pupil.displayName()).isEqualTo("Mo Ali");
    assertThat(pupil.legalFullName()).isEqualTo("Mohammed Khan");
  }

  @Test
  void blank_preferred_names_count_as_none() {
    Pupil pupil = pupil();
    pupil.rename(" Mohammed ", " Khan ", "  ", "");
    assertThat(pupil.displayName()).isEqualTo("Mohammed Khan");
    assertThat(pupil.getPreferredFirstName()).isNull();
    assertThat(pupil.getPreferredLastName()).isNull();
  }

  // --- medical evidence (product decision 6) ---

  @Test
  void requiring_medical_evidence_without_a_reason_is_refused_and_the_flag_stays_off() {
    Pupil pupil = pupil();
    for (String reason : new String[] {null, "", "   "}) {
      assertThatThrownBy(() -> pupil.requireMedicalEvidence(true, reason))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("medicalEvidenceReason"));
    }
    assertThat(pupil.isMedicalEvidenceRequired()).isFalse();
  }

  @Test
  void requiring_medical_evidence_with_a_reason_keeps_the_reason_and_lifting_it_clears_the_reason() {
    Pupil pupil = pupil();
    pupil.requireMedicalEvidence(true, "  Eleven illness absences this term, agreed at the ATSP meeting ");
    assertThat(pupil.isMedicalEvidenceRequired()).isTrue();
    assertThat(pupil.getMedicalEvidenceReason()).isEqualTo("Eleven illness absences this term, agreed at the ATSP meeting");

    pupil.requireMedicalEvidence(false, null);
    assertThat(pupil.isMedicalEvidenceRequired()).isFalse();
    assertThat(pupil.getMedicalEvidenceReason()).isNull();
  }
}

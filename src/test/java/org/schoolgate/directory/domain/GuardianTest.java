package org.schoolgate.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.schoolgate.platform.validation.InvalidInputException;

/** Guardians, their contact details, and their link to a child (responsibility, priority, no contact). */
class GuardianTest {

  private final School school =
      new School(
          new Trust("Riverside Learning Trust"), "100001", "Riverside Primary", Phase.PRIMARY,
          new RegisterTimes(LocalTime.of(8, 40), LocalTime.of(13, 0), 30, LocalTime.of(12, 0), LocalTime.of(15, 15)));
  private final Pupil pupil =
      new Pupil(school, "A123456789012", "Sami", "Haddad", LocalDate.of(2018, 3, 1), 2, Gender.MALE, LocalDate.of(2022, 9, 1));
  private final Guardian mum = new Guardian("Mrs", "Amira", "Haddad");

  private PupilGuardian link(boolean parentalResponsibility, int priority) {
    return new PupilGuardian(pupil, mum, "Mother", parentalResponsibility, true, priority, true);
  }

  // --- names ---

  @Test
  void a_guardian_needs_a_first_and_a_last_name() {
    assertThatThrownBy(() -> new Guardian("Mrs", " ", "Haddad"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("firstName"));
    assertThatThrownBy(() -> new Guardian("Mrs", "Amira", null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("lastName"));
  }

  @Test
  void a_guardian_is_addressed_by_title_and_last_name_or_by_full_name_without_a_title() {
    assertThat(mum.formalName()).isEqualTo("Mrs Haddad");
    assertThat(mum.fullName()).isEqualTo("Amira Haddad");
    assertThat(new Guardian("  ", " Leila ", " Haddad ").formalName()).isEqualTo("Leila Haddad");
  }

  // --- contact details ---

  @Test
  void mobile_and_landline_are_kept_in_e164_and_listed_mobile_first() {
    mum.changeContactDetails(
        PhoneNumber.parseOptional("mobile", "07400 100001"),
        PhoneNumber.parseOptional("landline", "0161 496 0000"),
        EmailAddress.parseOptional("email", "Amira@Example.com"));
    assertThat(mum.mobile()).contains(new PhoneNumber("+447400100001"));
    assertThat(mum.landline()).contains(new PhoneNumber("+441614960000"));
    assertThat(mum.email()).contains(new EmailAddress("Amira@example.com"));
    assertThat(mum.phoneNumbers()).extracting(PhoneNumber::e164).containsExactly("+447400100001", "+441614960000");
  }

  @Test
  void a_guardian_with_only_a_landline_has_just_that_number() {
    mum.changeContactDetails(Optional.empty(), PhoneNumber.parseOptional("landline", "020 7946 0000"), Optional.empty());
    assertThat(mum.mobile()).isEmpty();
    assertThat(mum.email()).isEmpty();
    assertThat(mum.phoneNumbers()).extracting(PhoneNumber::e164).containsExactly("+442079460000");
  }

  @Test
  void clearing_the_contact_details_leaves_no_numbers() {
    mum.changeContactDetails(PhoneNumber.parseOptional("mobile", "07400 100001"), Optional.empty(), Optional.empty());
    mum.changeContactDetails(Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(mum.phoneNumbers()).isEmpty();
  }

  @Test
  void a_malformed_mobile_typed_for_a_guardian_is_refused_naming_the_mobile_field() {
    assertThatThrownBy(() -> PhoneNumber.parseOptional("mobile", "07400 1000"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("mobile");
              assertThat(e.getMessage()).startsWith("mobile:");
            });
  }

  @Test
  void a_guardians_address_and_preferences_are_kept() {
    assertThat(mum.address()).isEmpty();
    mum.changeAddress(new PostalAddress("12 Mill Lane", null, "Stockport", "SK1 1AA"));
    assertThat(mum.address()).map(PostalAddress::lines).contains(java.util.List.of("12 Mill Lane", "Stockport", "SK1 1AA"));
    assertThat(mum.language()).isEqualTo(Language.EN);
    mum.changePreferences(Language.AR, ContactChannel.EMAIL);
    assertThat(mum.language()).isEqualTo(Language.AR);
    assertThat(mum.language().rightToLeft()).isTrue();
    assertThat(mum.getPreferredChannel()).isEqualTo(ContactChannel.EMAIL);
    mum.changeAddress(null);
    assertThat(mum.address()).isEmpty();
  }

  @Test
  void an_unknown_language_code_falls_back_to_english() {
    assertThat(Language.ofCode("PL")).isEqualTo(Language.PL);
    assertThat(Language.ofCode("cy")).isEqualTo(Language.EN);
    assertThat(Language.ofCode(null)).isEqualTo(Language.EN);
  }

  // --- the link to a child ---

  @Test
  void contact_priorities_one_to_four_are_accepted() {
    for (int priority = 1; priority <= 4; priority++) {
      assertThat(link(true, priority).getContactPriority()).isEqualTo(priority);
    }
  }

  @Test
  void a_contact_priority_of_nought_or_five_is_refused_naming_the_priority() {
    assertThatThrownBy(() -> link(true, 0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("contactPriority"));
    assertThatThrownBy(() -> link(true, 5))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("contactPriority"));
  }

  @Test
  void changing_the_priority_out_of_range_is_refused_and_the_old_priority_stays() {
    PupilGuardian link = link(true, 2);
    assertThatThrownBy(() -> link.changePriority(5)).isInstanceOf(InvalidInputException.class);
    assertThat(link.getContactPriority()).isEqualTo(2);
    link.changePriority(1);
    assertThat(link.getContactPriority()).isEqualTo(1);
  }

  @Test
  void a_link_without_a_relationship_is_recorded_as_parent() {
    assertThat(new PupilGuardian(pupil, mum, "  ", true, true, 1, true).getRelationship()).isEqualTo("Parent");
  }

  @Test
  void a_guardian_with_parental_responsibility_may_access_the_child() {
    assertThat(link(true, 1).mayAccessChild()).isTrue();
  }

  @Test
  void a_guardian_without_parental_responsibility_may_not_access_the_child() {
    assertThat(link(false, 3).mayAccessChild()).isFalse();
  }

  @Test
  void a_no_contact_order_needs_a_reason_and_without_one_access_is_unchanged() {
    PupilGuardian link = link(true, 1);
    assertThatThrownBy(() -> link.restrictContact(true, " "))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("noContactReason"));
    assertThatThrownBy(() -> link.restrictContact(true, null)).isInstanceOf(InvalidInputException.class);
    assertThat(link.isNoContact()).isFalse();
    assertThat(link.mayAccessChild()).isTrue();
  }

  @Test
  void a_no_contact_order_removes_access_even_with_parental_responsibility() {
    PupilGuardian link = link(true, 1);
    link.restrictContact(true, " Court order, 12 Nov 2025 ");
    assertThat(link.isNoContact()).isTrue();
    assertThat(link.getNoContactReason()).isEqualTo("Court order, 12 Nov 2025");
    assertThat(link.mayAccessChild()).isFalse();
  }

  @Test
  void lifting_a_no_contact_order_restores_access_and_clears_the_reason() {
    PupilGuardian link = link(true, 1);
    link.restrictContact(true, "Court order");
    link.restrictContact(false, null);
    assertThat(link.mayAccessChild()).isTrue();
    assertThat(link.getNoContactReason()).isNull();
  }
}

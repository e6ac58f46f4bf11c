package org.schoolgate.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.schoolgate.messaging.domain.RecipientPlan.Audience;
import org.schoolgate.messaging.domain.RecipientPlan.Contact;
import org.schoolgate.messaging.domain.RecipientPlan.Delivery;
import org.schoolgate.messaging.domain.RecipientPlan.Plan;

class RecipientPlanTest {

  static final Set<Channel> SMS_EMAIL = Set.of(Channel.SMS, Channel.EMAIL);
  static final Set<Channel> ALL = Set.of(Channel.SMS, Channel.EMAIL, Channel.LETTER);
  static final List<String> ADDRESS = List.of("Mrs A Haddad", "1 River Lane", "Riverside", "RV1 1AA");

  final UUID adam = UUID.randomUUID();
  final UUID sara = UUID.randomUUID();
  final UUID amira = UUID.randomUUID();
  final UUID karim = UUID.randomUUID();

  Contact link(UUID pupil, String first, UUID guardian, String mobile, String email, List<String> address) {
    return new Contact(pupil, first, guardian, "Mrs Haddad", "Dear Mrs Haddad", mobile, email, address, "ar", Channel.SMS,
        false, false, true, false, 1);
  }

  @Test
  void siblings_with_one_mother_get_one_text_naming_both_children() {
    Plan plan = RecipientPlan.plan(
        List.of(link(adam, "Adam", amira, "+447400100001", null, List.of()), link(sara, "Sara", amira, "+447400100001", null, List.of())),
        null, SMS_EMAIL, Audience.PARENTAL_RESPONSIBILITY);

    assertThat(plan.deliveries()).hasSize(1);
    Delivery d = plan.deliveries().get(0);
    assertThat(d.pupilNames()).isEqualTo("Adam and Sara");
    assertThat(d.pupilIds()).containsExactly(adam, sara);
    assertThat(d.language()).isEqualTo("ar");
  }

  @Test
  void two_guardians_sharing_a_number_get_one_text() {
    Plan plan = RecipientPlan.plan(
        List.of(link(adam, "Adam", amira, "+447400100001", null, List.of()), link(adam, "Adam", karim, "+447400100001", null, List.of())),
        null, SMS_EMAIL, Audience.PARENTAL_RESPONSIBILITY);

    assertThat(plan.deliveries()).singleElement().satisfies(d -> assertThat(d.guardianIds()).containsExactly(amira, karim));
  }

  @Test
  void separated_parents_with_their_own_numbers_each_hear_about_their_child() {
    Plan plan = RecipientPlan.plan(
        List.of(link(adam, "Adam", amira, "+447400100001", null, List.of()), link(adam, "Adam", karim, "+447400100003", null, List.of())),
        null, SMS_EMAIL, Audience.PARENTAL_RESPONSIBILITY);

    assertThat(plan.deliveries()).extracting(Delivery::destination).containsExactly("+447400100001", "+447400100003");
  }

  @Test
  void a_guardian_who_opted_out_of_texts_gets_an_email_instead() {
    Contact optedOut = new Contact(adam, "Adam", amira, "Mrs Haddad", "Dear Mrs Haddad", "+447400100001", "amira@example.com",
        List.of(), "en", Channel.SMS, true, false, true, false, 1);

    Plan plan = RecipientPlan.plan(List.of(optedOut), Channel.SMS, SMS_EMAIL, Audience.PARENTAL_RESPONSIBILITY);

    assertThat(plan.deliveries()).singleElement().satisfies(d -> {
      assertThat(d.channel()).isEqualTo(Channel.EMAIL);
      assertThat(d.fallback()).isTrue();
    });
  }

  @Test
  void a_guardian_with_no_mobile_or_email_gets_a_letter_when_the_template_has_one() {
    Plan plan = RecipientPlan.plan(List.of(link(adam, "Adam", amira, null, null, ADDRESS)), Channel.SMS, ALL, Audience.PARENTAL_RESPONSIBILITY);

    assertThat(plan.deliveries()).singleElement().satisfies(d -> {
      assertThat(d.channel()).isEqualTo(Channel.LETTER);
      assertThat(d.destination()).isEqualTo("Mrs A Haddad\n1 River Lane\nRiverside\nRV1 1AA");
    });
  }

  @Test
  void a_guardian_nobody_can_reach_is_listed_with_every_reason() {
    Plan plan = RecipientPlan.plan(List.of(link(adam, "Adam", amira, null, null, List.of())), null, SMS_EMAIL, Audience.PARENTAL_RESPONSIBILITY);

    assertThat(plan.deliveries()).isEmpty();
    assertThat(plan.skipped()).singleElement().satisfies(s ->
        assertThat(s.reason()).isEqualTo("Cannot be reached by text message or email: no mobile number, no email address"));
  }

  @Test
  void a_guardian_with_a_no_contact_restriction_is_never_written_to() {
    Contact restricted = new Contact(adam, "Adam", karim, "Mr Haddad", "Dear Mr Haddad", "+447400100003", null, List.of(), "en",
        Channel.SMS, false, true, true, false, 2);

    Plan plan = RecipientPlan.plan(List.of(link(adam, "Adam", amira, "+447400100001", null, List.of()), restricted), null, SMS_EMAIL,
        Audience.PARENTAL_RESPONSIBILITY);

    assertThat(plan.deliveries()).extracting(Delivery::guardianId).containsExactly(amira);
    assertThat(plan.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("restricted"));
  }

  @Test
  void letters_go_to_the_contact_flagged_for_correspondence() {
    Contact mum = link(adam, "Adam", amira, "+447400100001", null, ADDRESS);
    Contact dad = new Contact(adam, "Adam", karim, "Mr Haddad", "Dear Mr Haddad", null, null,
        List.of("Mr K Haddad", "9 Hill Road", "Riverside", "RV2 2BB"), "en", Channel.LETTER, false, false, true, true, 2);

    Plan plan = RecipientPlan.plan(List.of(mum, dad), Channel.LETTER, Set.of(Channel.LETTER), Audience.CORRESPONDENCE);

    assertThat(plan.deliveries()).singleElement().satisfies(d -> assertThat(d.guardianId()).isEqualTo(karim));
  }

  @Test
  void the_first_contact_audience_reaches_only_the_lowest_priority_guardian() {
    Contact dad = new Contact(adam, "Adam", karim, "Mr Haddad", "Dear Mr Haddad", "+447400100003", null, List.of(), "en",
        Channel.SMS, false, false, true, false, 2);

    Plan plan = RecipientPlan.plan(List.of(dad, link(adam, "Adam", amira, "+447400100001", null, List.of())), null, SMS_EMAIL,
        Audience.FIRST_CONTACT);

    assertThat(plan.deliveries()).extracting(Delivery::guardianId).containsExactly(amira);
  }

  @Test
  void a_pupil_with_no_guardian_at_all_is_reported() {
    Contact restricted = new Contact(adam, "Adam", karim, "Mr Haddad", "Dear Mr Haddad", "+447400100003", null, List.of(), "en",
        Channel.SMS, false, true, true, false, 1);

    Plan plan = RecipientPlan.plan(List.of(restricted), null, SMS_EMAIL, Audience.PARENTAL_RESPONSIBILITY);

    assertThat(plan.deliveries()).isEmpty();
    assertThat(plan.skipped()).hasSize(1);
  }

  @Test
  void three_names_are_joined_as_a_parent_would_say_them() {
    assertThat(RecipientPlan.joinNames(List.of("Adam", "Sara", "Zoë"))).isEqualTo("Adam, Sara and Zoë");
  }
}

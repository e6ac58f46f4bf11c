package org.schoolgate.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolgate.platform.validation.InvalidInputException;

class EmailAddressTest {

  @Test
  void an_address_is_trimmed_and_its_domain_lower_cased_but_the_local_part_kept() {
    assertThat(EmailAddress.parse("email", "  Amira.Haddad@Example.CO.UK ").value()).isEqualTo("Amira.Haddad@example.co.uk");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"amira@example.com", "amira+school@example.com", "o'neill@example.org.uk", "a@b.co", "amira@mail-server.example.com"})
  void ordinary_addresses_are_accepted_unchanged(String typed) {
    assertThat(EmailAddress.parse("email", typed).value()).isEqualTo(typed);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "amira",
        "amira@",
        "@example.com",
        "amira@example",
        "amira haddad@example.com",
        "amira@exam ple.com",
        "amira@@example.com",
        "amira@example..com",
        "amira@-example.com",
        "amira@example.com.",
        "amira@exa_mple.com",
        "amira.example.com"
      })
  void a_malformed_address_is_refused_with_a_message_naming_the_field(String typed) {
    assertThatThrownBy(() -> EmailAddress.parse("Email", typed))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("Email");
              assertThat(e.getMessage()).isEqualTo("Email: \"" + typed + "\" is not a valid email address");
            });
  }

  @Test
  void an_address_of_254_characters_is_accepted_and_one_of_255_is_refused() {
    String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".co.uk";
    String longest = "a".repeat(253 - domain.length()) + "@" + domain;
    assertThat(EmailAddress.parse("email", longest).value()).hasSize(254);
    String tooLong = "a" + longest;
    assertThatThrownBy(() -> EmailAddress.parse("email", tooLong))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"));
  }

  @Test
  void a_blank_address_is_refused_as_missing_naming_the_field() {
    for (String typed : new String[] {null, "", "  "}) {
      assertThatThrownBy(() -> EmailAddress.parse("Email", typed))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("Email: an email address is required");
    }
  }

  @Test
  void an_optional_address_left_blank_is_empty_but_a_malformed_one_is_still_refused() {
    assertThat(EmailAddress.parseOptional("email", " ")).isEmpty();
    assertThat(EmailAddress.parseOptional("email", null)).isEmpty();
    assertThat(EmailAddress.parseOptional("email", "amira@example.com")).contains(new EmailAddress("amira@example.com"));
    assertThatThrownBy(() -> EmailAddress.parseOptional("email", "amira@"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"));
  }

  @Test
  void a_stored_value_that_is_not_an_address_cannot_become_one() {
    assertThatThrownBy(() -> new EmailAddress("amira")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EmailAddress(null)).isInstanceOf(IllegalArgumentException.class);
  }
}

package org.schoolgate.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolgate.platform.validation.InvalidInputException;

class PhoneNumberTest {

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "07400 100001",
        "07400100001",
        "+44 7400 100001",
        "+447400100001",
        "0044 7400 100001",
        "+44 (0)7400 100001",
        "(07400) 100-001",
        "07400-100-001",
        "  07400 100001  "
      })
  void a_uk_mobile_typed_any_usual_way_is_stored_in_e164(String typed) {
    assertThat(PhoneNumber.parse("mobile", typed).e164()).isEqualTo("+447400100001");
  }

  @Test
  void a_uk_landline_is_stored_in_e164() {
    assertThat(PhoneNumber.parse("landline", "0161 496 0000").e164()).isEqualTo("+441614960000");
    assertThat(PhoneNumber.parse("landline", "020 7946 0000").e164()).isEqualTo("+442079460000");
    assertThat(PhoneNumber.parse("landline", "+44 113 496 0000").e164()).isEqualTo("+441134960000");
  }

  @Test
  void a_number_with_another_country_code_keeps_that_country() {
    assertThat(PhoneNumber.parse("mobile", "+48 512 345 678").e164()).isEqualTo("+48512345678");
    assertThat(PhoneNumber.parse("landline", "+33 1 42 68 53 00").e164()).isEqualTo("+33142685300");
  }

  @Test
  void a_mobile_can_receive_texts_and_a_landline_cannot() {
    assertThat(PhoneNumber.parse("mobile", "07400 100001").isMobile()).isTrue();
    assertThat(PhoneNumber.parse("landline", "0161 496 0000").isMobile()).isFalse();
  }

  @Test
  void a_uk_number_is_shown_the_way_people_in_the_uk_write_it() {
    assertThat(PhoneNumber.parse("mobile", "+447400100001").display()).isEqualTo("07400 100001");
    assertThat(PhoneNumber.parse("landline", "+441614960000").display()).isEqualTo("0161 496 0000");
  }

  @Test
  void a_foreign_number_is_shown_with_its_country_code() {
    assertThat(PhoneNumber.parse("mobile", "+48512345678").display()).startsWith("+48 ");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "07700 900123", // Ofcom drama range: not a number anybody can be rung on
        "07700 900000",
        "07400 10000", // one digit short
        "07400 1000011", // one digit too many
        "12",
        "0",
        "not a number",
        "+44",
        "07400100001 (mum)"
      })
  void a_malformed_number_is_refused_with_a_message_naming_the_field(String typed) {
    assertThatThrownBy(() -> PhoneNumber.parse("Mobile number", typed))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("Mobile number");
              assertThat(e.getMessage()).startsWith("Mobile number:").contains(typed.trim());
            });
  }

  @Test
  void the_message_names_whichever_field_the_number_was_typed_into() {
    assertThatThrownBy(() -> PhoneNumber.parse("landline", "0161 496"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("landline:")
        .hasMessageContaining("not a valid phone number");
  }

  @Test
  void letters_typed_among_the_digits_are_refused_rather_than_read_as_keypad_digits() {
    // "O" for zero would otherwise become 07400 166661: a real-looking number that belongs to somebody else
    for (String typed : new String[] {"07400 1OOOO1", "07400 CALLME"}) {
      assertThatThrownBy(() -> PhoneNumber.parse("mobile", typed))
          .as(typed)
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("mobile"));
    }
  }

  @Test
  void a_blank_number_is_refused_as_missing_naming_the_field() {
    for (String typed : new String[] {null, "", "   "}) {
      assertThatThrownBy(() -> PhoneNumber.parse("mobile", typed))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("mobile: a phone number is required");
    }
  }

  @Test
  void an_optional_number_left_blank_is_empty_but_a_malformed_one_is_still_refused() {
    assertThat(PhoneNumber.parseOptional("landline", "  ")).isEmpty();
    assertThat(PhoneNumber.parseOptional("landline", null)).isEmpty();
    assertThat(PhoneNumber.parseOptional("landline", "0161 496 0000")).contains(new PhoneNumber("+441614960000"));
    assertThatThrownBy(() -> PhoneNumber.parseOptional("landline", "0161"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("landline"));
  }

  @Test
  void a_stored_value_that_is_not_e164_cannot_become_a_phone_number() {
    assertThatThrownBy(() -> new PhoneNumber("07400100001")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PhoneNumber("+0400100001")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PhoneNumber(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void text_that_looks_like_a_number_is_told_apart_from_a_name() {
    assertThat(PhoneNumber.looksLikeNumber("07400 100001")).isTrue();
    assertThat(PhoneNumber.looksLikeNumber("+44 (0)7400-100001")).isTrue();
    assertThat(PhoneNumber.looksLikeNumber("Amira Haddad")).isFalse();
    assertThat(PhoneNumber.looksLikeNumber("12345")).isFalse();
    assertThat(PhoneNumber.looksLikeNumber(null)).isFalse();
  }
}

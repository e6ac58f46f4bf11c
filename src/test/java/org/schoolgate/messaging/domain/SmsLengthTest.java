package org.schoolgate.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.schoolgate.messaging.domain.SmsLength.Encoding;

class SmsLengthTest {

  @Test
  void a_plain_english_text_of_160_characters_is_one_gsm_message_and_161_is_two() {
    SmsLength at160 = SmsLength.of("a".repeat(160));
    SmsLength at161 = SmsLength.of("a".repeat(161));

    assertThat(at160.encoding()).isEqualTo(Encoding.GSM_7);
    assertThat(at160.units()).isEqualTo(160);
    assertThat(at160.segments()).isEqualTo(1);
    assertThat(at161.segments()).isEqualTo(2);
  }

  @Test
  void long_gsm_texts_are_counted_in_parts_of_153() {
    assertThat(SmsLength.of("a".repeat(306)).segments()).isEqualTo(2);
    assertThat(SmsLength.of("a".repeat(307)).segments()).isEqualTo(3);
    assertThat(SmsLength.of("a".repeat(459)).segments()).isEqualTo(3);
    assertThat(SmsLength.of("a".repeat(460)).segments()).isEqualTo(4);
  }

  @Test
  void the_pound_sign_and_common_punctuation_stay_in_gsm() {
    SmsLength length = SmsLength.of("Fine: £80 within 21 days! Ring 0161 496 0000 (office) @ 9:00; Zoe's form?");

    assertThat(length.encoding()).isEqualTo(Encoding.GSM_7);
    assertThat(length.outsideGsm()).isEmpty();
  }

  @Test
  void extension_characters_take_two_places_and_can_push_a_text_into_a_second_message() {
    assertThat(SmsLength.of("€").units()).isEqualTo(2);
    assertThat(SmsLength.of("^{}\\[~]|€").units()).isEqualTo(18);
    assertThat(SmsLength.of("a".repeat(158) + "€").segments()).isEqualTo(1);
    assertThat(SmsLength.of("a".repeat(159) + "€").units()).isEqualTo(161);
    assertThat(SmsLength.of("a".repeat(159) + "€").segments()).isEqualTo(2);
  }

  @Test
  void an_extension_character_is_never_split_across_two_parts() {
    // 152 plain characters then € (2 units) would straddle the 153 boundary, so € starts part two.
    SmsLength length = SmsLength.of("a".repeat(152) + "€" + "a".repeat(152));

    assertThat(length.units()).isEqualTo(306);
    assertThat(length.segments()).isEqualTo(3);
  }

  @Test
  void one_accented_name_outside_gsm_switches_the_whole_text_to_ucs2() {
    SmsLength zoe = SmsLength.of("Zoë is not in school today");
    SmsLength lukasz = SmsLength.of("Łukasz is not in school today");

    assertThat(zoe.encoding()).isEqualTo(Encoding.UCS_2);
    assertThat(zoe.outsideGsm()).containsExactly("ë");
    assertThat(lukasz.encoding()).isEqualTo(Encoding.UCS_2);
    assertThat(lukasz.outsideGsm()).containsExactly("Ł");
  }

  @Test
  void a_ucs2_text_of_70_units_is_one_message_and_71_is_two() {
    assertThat(SmsLength.of("ë".repeat(70)).segments()).isEqualTo(1);
    assertThat(SmsLength.of("ë".repeat(71)).segments()).isEqualTo(2);
    assertThat(SmsLength.of("ë".repeat(134)).segments()).isEqualTo(2);
    assertThat(SmsLength.of("ë".repeat(135)).segments()).isEqualTo(3);
  }

  @Test
  void arabic_is_carried_as_ucs2_one_unit_a_letter() {
    SmsLength length = SmsLength.of("مرحباً");

    assertThat(length.encoding()).isEqualTo(Encoding.UCS_2);
    assertThat(length.units()).isEqualTo(6);
  }

  @Test
  void an_emoji_counts_as_two_ucs2_units_and_is_never_split_across_parts() {
    assertThat(SmsLength.of("Well done 👍").units()).isEqualTo(12);
    assertThat(SmsLength.of("a".repeat(68) + "👍").segments()).isEqualTo(1);
    assertThat(SmsLength.of("a".repeat(69) + "👍").segments()).isEqualTo(2);
    // 66 units then an emoji: it cannot fit in the one unit left in part one.
    SmsLength straddling = SmsLength.of("a".repeat(66) + "👍" + "a".repeat(66));
    assertThat(straddling.units()).isEqualTo(134);
    assertThat(straddling.segments()).isEqualTo(3);
  }

  @Test
  void an_empty_text_is_nothing_to_send() {
    assertThat(SmsLength.of("").segments()).isZero();
    assertThat(SmsLength.of(null).units()).isZero();
  }

  @Test
  void the_summary_reads_as_staff_would_say_it() {
    assertThat(SmsLength.of("a".repeat(170)).summary()).isEqualTo("2 text messages, 170 characters (GSM-7)");
    assertThat(SmsLength.of("Zoë").summary()).isEqualTo("1 text message, 3 characters (UCS-2 (Unicode))");
  }
}

package org.schoolgate.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schoolgate.messaging.application.SchoolTemplates.State;
import org.schoolgate.messaging.template.MessageTemplate;
import org.schoolgate.platform.validation.InvalidInputException;

/** The rules of a school's own wording that need no database: who signs off, which texts a version may hold. */
class SchoolTemplatesRulesTest {

  final MessageTemplate signInCode = MessageTemplate.load("sign-in-code");

  @Test
  void a_senior_who_did_not_write_it_signs_off_a_version_awaiting_sign_off() {
    assertThat(SchoolTemplates.whyNotSignOff(true, State.AWAITING_SIGN_OFF, false, true, 0, 1)).isNull();
  }

  @Test
  void someone_who_is_not_a_senior_never_signs_off() {
    assertThat(SchoolTemplates.whyNotSignOff(false, State.AWAITING_SIGN_OFF, false, true, 0, 1))
        .isEqualTo("Only the headteacher or an administrator can sign off a template");
  }

  @Test
  void the_author_signs_off_only_when_there_is_no_other_senior() {
    assertThat(SchoolTemplates.whyNotSignOff(true, State.AWAITING_SIGN_OFF, true, true, 0, 2))
        .isEqualTo("You wrote version 2, so another headteacher or administrator must sign it off");
    assertThat(SchoolTemplates.whyNotSignOff(true, State.AWAITING_SIGN_OFF, true, false, 0, 2)).isNull();
  }

  @Test
  void only_a_version_awaiting_sign_off_can_be_signed_off() {
    for (State state : State.values()) {
      String refusal = SchoolTemplates.whyNotSignOff(true, state, false, true, 0, 3);
      if (state == State.AWAITING_SIGN_OFF) {
        assertThat(refusal).isNull();
      } else {
        assertThat(refusal).as(state.name()).startsWith("Version 3 is " + state.label().toLowerCase());
      }
    }
  }

  @Test
  void an_older_version_cannot_replace_a_newer_one_in_use() {
    assertThat(SchoolTemplates.whyNotSignOff(true, State.AWAITING_SIGN_OFF, false, true, 4, 3))
        .isEqualTo("Version 4 is newer and already in use; version 3 cannot replace it");
  }

  @Test
  void keys_name_a_part_and_a_language_with_english_unsuffixed() {
    assertThat(SchoolTemplates.splitKey("sms")).containsExactly("sms", "en");
    assertThat(SchoolTemplates.splitKey("email.subject")).containsExactly("email.subject", "en");
    assertThat(SchoolTemplates.splitKey("email.subject.ar")).containsExactly("email.subject", "ar");
    assertThat(SchoolTemplates.splitKey("email.pl")).containsExactly("email", "pl");
    assertThatThrownBy(() -> SchoolTemplates.splitKey("fax")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void blank_texts_keep_schoolgate_wording_and_others_are_tidied() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("sms", "  Code ((code)), ((minutes)) min.\r\n");
    texts.put("sms.pl", "   ");
    assertThat(SchoolTemplates.checked(signInCode, texts)).containsExactly(Map.entry("sms", "Code ((code)), ((minutes)) min."));
  }

  @Test
  void a_part_the_template_does_not_have_or_an_unknown_language_is_refused() {
    assertThatThrownBy(() -> SchoolTemplates.checked(signInCode, Map.of("letter", "Dear ((code))")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("has no letter part");
    assertThatThrownBy(() -> SchoolTemplates.checked(signInCode, Map.of("sms.fr", "Code ((code))")))
        .hasMessage("Schoolgate does not write messages in the language fr");
    assertThat(SchoolTemplates.checked(signInCode, Map.of("sms.ar", "رمز ((code))"))).as("a portal language is accepted")
        .containsKey("sms.ar");
  }

  @Test
  void a_field_written_wrongly_is_refused_for_the_box_it_is_in() {
    assertThatThrownBy(() -> SchoolTemplates.checked(signInCode, Map.of("email.ur", "Code ((code) now")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("write it as ((field_name))")
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("email.ur"));
  }

  @Test
  void a_note_that_grows_past_the_limit_keeps_the_newest_line_whole() {
    String reason = "Not signed off by Mr Okafor: too formal";
    String note = SchoolTemplates.noteWith("x".repeat(490), reason);
    assertThat(note).hasSizeLessThanOrEqualTo(500).endsWith("…\n" + reason);
    assertThat(SchoolTemplates.noteWith(null, reason)).isEqualTo(reason);
    assertThat(SchoolTemplates.noteWith("Shorter", reason)).isEqualTo("Shorter\n" + reason);
  }
}

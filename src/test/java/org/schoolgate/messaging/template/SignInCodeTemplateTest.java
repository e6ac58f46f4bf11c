package org.schoolgate.messaging.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SignInCodeTemplateTest {

  final MessageTemplate template = MessageTemplate.load("sign-in-code");

  @Test
  void the_sign_in_code_is_written_in_all_five_portal_languages() {
    assertThat(template.languages()).containsExactly("en", "pl", "ro", "ur", "ar");
    for (String language : template.languages()) {
      for (String part : new String[] {"sms", "email.subject", "email"}) {
        assertThat(template.hasOwnText(part, language)).as(part + " in " + language).isTrue();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "pl", "ro", "ur", "ar"})
  void every_language_puts_the_code_and_its_lifetime_in_the_text_and_leaves_no_placeholder(String language) {
    Map<String, String> example = template.exampleValues();

    for (String part : new String[] {"sms", "email"}) {
      String text = template.render(part, language, example);
      assertThat(text).contains(example.get("code")).contains(example.get("minutes")).doesNotContain("((");
    }
    assertThat(template.render("email.subject", language, example)).isNotBlank().doesNotContain("((");
  }

  @Test
  void an_unknown_language_falls_back_to_english() {
    assertThat(template.render("sms", "cy", Map.of("code", "123456", "minutes", "10")))
        .startsWith("Your Schoolgate sign-in code is 123456.");
  }

  @Test
  void a_missing_code_is_refused_before_anything_is_sent() {
    assertThatThrownBy(() -> template.render("sms", "en", Map.of("minutes", "10")))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("((code))");
  }

  @Test
  void the_english_sms_fits_one_segment() {
    String sms = template.render("sms", "en", template.exampleValues());
    assertThat(sms.length()).isLessThanOrEqualTo(160);
  }
}

package org.schoolgate.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.RecipientPlan.Delivery;
import org.schoolgate.messaging.template.MessageTemplate;
import org.schoolgate.messaging.template.TemplateException;

/** What a family receives from the one renderer that previews and sends. */
class MessagesRenderTest {

  final Messages messages = new Messages(null, null, null, null, null, null, null, "https://schoolgate.example", 3);
  final MessageTemplate firstDay = MessageTemplate.load("absence-first-day");

  static Delivery to(Channel channel, String language, String... children) {
    return new Delivery(channel, channel == Channel.EMAIL ? "amira@example.com" : "+447400100001", language, UUID.randomUUID(),
        "Mrs Haddad", "Dear Mrs Haddad", List.of(UUID.randomUUID()), List.of(UUID.randomUUID()), List.of(children), false);
  }

  Map<String, String> values(String children) {
    Map<String, String> v = new HashMap<>(firstDay.exampleValues());
    v.put("pupil_first_name", children);
    return v;
  }

  @Test
  void a_text_is_written_in_the_guardians_language_with_its_length_counted() {
    Messages.Rendered r = messages.render(firstDay, to(Channel.SMS, "ar", "Omar"), values("Omar"));

    assertThat(r.language()).isEqualTo("ar");
    assertThat(r.body()).contains("Omar").containsPattern("[\\u0600-\\u06FF]");
    assertThat(r.smsLength().encoding().name()).isEqualTo("UCS_2");
    assertThat(r.smsLength().segments()).isBetween(1, 3);
  }

  @Test
  void a_language_the_template_lacks_falls_back_to_english() {
    Messages.Rendered r = messages.render(firstDay, to(Channel.SMS, "cy", "Omar"), values("Omar"));

    assertThat(r.language()).isEqualTo("en");
    assertThat(r.body()).contains("we have not heard why Omar");
  }

  @Test
  void a_text_too_long_to_send_is_refused_with_its_length_before_anything_is_saved() {
    Map<String, String> v = values("Omar");
    v.put("school_name", "Riverside Academy of the Very Long Name ".repeat(8).strip());

    assertThatThrownBy(() -> messages.render(firstDay, to(Channel.SMS, "en", "Omar"), v))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("parts long")
        .hasMessageContaining("the most Schoolgate sends is 3");
  }

  @Test
  void values_are_escaped_in_the_html_part_of_an_email_and_kept_as_typed_in_the_text_part() {
    Messages.Rendered r = messages.render(firstDay, to(Channel.EMAIL, "en", "Tom"), values("<b>Tom</b> & Jo"));

    assertThat(r.htmlBody()).contains("&lt;b&gt;Tom&lt;/b&gt; &amp; Jo").doesNotContain("<b>Tom</b>");
    assertThat(r.body()).contains("<b>Tom</b> & Jo");
    assertThat(r.subject()).isNotBlank();
  }

  @Test
  void an_arabic_email_reads_right_to_left_and_its_links_are_clickable() {
    Messages.Rendered r = messages.render(firstDay, to(Channel.EMAIL, "ar", "Omar"), values("Omar"));

    assertThat(r.htmlBody()).contains("dir=\"rtl\"").contains("<a href=\"https://portal.oakfield.example.org\">");
  }

  @Test
  void a_missing_value_is_refused_naming_the_field() {
    Map<String, String> v = values("Omar");
    v.remove("school_phone");

    assertThatThrownBy(() -> messages.render(firstDay, to(Channel.SMS, "en", "Omar"), v))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("((school_phone))");
  }

  @Test
  void a_portal_message_carries_the_email_wording() {
    Messages.Rendered r = messages.render(firstDay, to(Channel.IN_APP, "en", "Omar"), values("Omar"));

    assertThat(r.subject()).isEqualTo(firstDay.render("email.subject", "en", values("Omar")));
    assertThat(r.body()).contains("Omar");
  }

  @Test
  void only_the_templates_own_fields_are_frozen_with_the_message() {
    Map<String, String> v = values("Omar");
    v.put("attendance_pct", "88.1");

    Messages.Rendered r = messages.render(firstDay, to(Channel.SMS, "en", "Omar"), v);

    assertThat(r.values()).containsKeys("school_name", "pupil_first_name").doesNotContainKey("attendance_pct");
  }
}

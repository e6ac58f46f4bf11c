package org.schoolgate.messaging.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.messaging.template.MessageTemplate;

/** The template wording form driven as a member of staff would, without a browser or a server. */
class TemplateTextsFormTest {

  final MessageTemplate ours = MessageTemplate.load("sign-in-code");
  TemplateTextsForm form;

  @BeforeEach
  void openForm() {
    MockVaadin.setup();
    form = new TemplateTextsForm();
    UI.getCurrent().add(form);
    form.show(ours, ours);
  }

  @AfterEach
  void close() {
    MockVaadin.tearDown();
  }

  @Test
  void there_is_a_box_for_each_part_the_template_sends_in_each_portal_language_and_no_letter() {
    assertThat(form.boxes).hasSize(15).containsKeys("sms", "sms.ar", "email.subject.ur", "email.pl").doesNotContainKey("letter");
    assertThat(form.boxes.get("email.subject.ur").getId()).hasValue("template-email-subject-ur-text");
    assertThat(form.boxes.get("sms").getId()).hasValue("template-sms-text");
    assertThat(form.part.getValue()).isEqualTo("sms");
    assertThat(form.language.getValue()).isEqualTo("en");
    assertThat(form.changed()).isFalse();
  }

  @Test
  void arabic_and_urdu_are_written_right_to_left() {
    assertThat(form.boxes.get("sms.ar").getElement().getAttribute("dir")).isEqualTo("rtl");
    assertThat(form.boxes.get("email.ur").getElement().getAttribute("dir")).isEqualTo("rtl");
    assertThat(form.boxes.get("sms.pl").getElement().getAttribute("dir")).isNull();
  }

  @Test
  void the_sms_length_and_the_example_follow_what_is_typed() {
    form.boxes.get("sms").setValue("Code ((code)) for ((minutes)) min");

    assertThat(form.smsLength.getText())
        .isEqualTo("As typed: 1 text message, 33 characters (GSM-7). With the example values: 1 text message, 22 characters (GSM-7).");
    assertThat(form.example.getText()).isEqualTo("Code 482913 for 10 min");
    assertThat(form.changed()).isTrue();

    form.boxes.get("sms").setValue("Zoë: " + "x".repeat(70));
    assertThat(form.smsLength.getText()).startsWith("As typed: 2 text messages, 75 characters (");
  }

  @Test
  void clicking_a_field_adds_it_to_the_text_on_show() {
    form.language.setValue("pl");
    form.boxes.get("sms.pl").setValue("Kod:");

    ((Button) form.fields.getChildren().filter(c -> c.getId().orElse("").equals("template-field-code")).findFirst().orElseThrow())
        .click();

    assertThat(form.boxes.get("sms.pl").getValue()).isEqualTo("Kod: ((code))");
    assertThat(form.boxes.get("sms").getValue()).isEqualTo(ours.text("sms", "en"));
  }

  @Test
  void a_body_that_leaves_out_a_required_field_is_pointed_out() {
    form.boxes.get("sms").setValue("Your code is ((code)).");

    assertThat(form.unusedFields.isVisible()).isTrue();
    assertThat(form.unusedFields.getText()).startsWith("This text does not use ((minutes))");
  }

  @Test
  void a_refusal_shows_the_box_it_concerns() {
    form.showProblem("email.subject.ro", "((pupil_nickname)) is not a field of the sign-in code. Fields you can use: code, minutes");

    assertThat(form.part.getValue()).isEqualTo("email.subject");
    assertThat(form.language.getValue()).isEqualTo("ro");
    assertThat(form.boxes.get("email.subject.ro").isInvalid()).isTrue();
    assertThat(form.boxHolder.getChildren()).containsExactly(form.boxes.get("email.subject.ro"));
  }

  @Test
  void texts_are_keyed_as_the_service_expects() {
    form.boxes.get("email.ar").setValue("نص جديد ((code))");

    Map<String, String> texts = form.texts();
    assertThat(texts.get("email.ar")).isEqualTo("نص جديد ((code))");
    assertThat(texts.get("email")).isEqualTo(ours.text("email", "en"));
  }

  @Test
  void a_field_is_added_after_a_space_only_when_one_is_needed() {
    assertThat(TemplateTextsForm.withField("", "code")).isEqualTo("((code))");
    assertThat(TemplateTextsForm.withField("Code:", "code")).isEqualTo("Code: ((code))");
    assertThat(TemplateTextsForm.withField("Code:\n", "code")).isEqualTo("Code:\n((code))");
  }

  @Test
  void letters_are_english_only() {
    assertThat(TemplateTextsForm.languagesOf("letter")).containsExactly("en");
    assertThat(TemplateTextsForm.languagesOf("email")).containsExactly("en", "pl", "ro", "ur", "ar");
  }

  @Test
  void opening_another_version_shows_its_text_in_the_same_box() {
    form.boxes.get("sms").setValue("Typed but not saved ((code))");

    form.show(ours, ours.withTexts(Map.of("sms", "Version two ((code)) ((minutes))")));

    assertThat(form.boxHolder.getChildren()).containsExactly(form.boxes.get("sms"));
    assertThat(form.boxes.get("sms").getValue()).isEqualTo("Version two ((code)) ((minutes))");
    assertThat(form.example.getText()).isEqualTo("Version two 482913 10");
    assertThat(form.changed()).isFalse();
  }
}

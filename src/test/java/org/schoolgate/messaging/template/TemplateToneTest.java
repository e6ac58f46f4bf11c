package org.schoolgate.messaging.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolgate.documents.port.LetterDocument.Block;
import org.schoolgate.documents.port.LetterDocument.Table;

/** The facts and tone rules of attendance rules §8 that a parent would notice if they went wrong. */
class TemplateToneTest {

  static final TemplateCatalog CATALOG = new TemplateCatalog();
  static final String MEDICAL = "contact with a doctor, nurse, pharmacist or other medical professional";

  static Map<String, String> example(String id) {
    return new HashMap<>(CATALOG.get(id).exampleValues());
  }

  @ParameterizedTest
  @ValueSource(strings = {"letter-2", "letter-3"})
  void letters_2_and_3_cannot_be_written_until_a_meeting_is_booked(String id) {
    MessageTemplate letter = CATALOG.get(id);
    Map<String, String> noDate = example(id);
    noDate.remove("meeting_date");
    Map<String, String> noTime = example(id);
    noTime.put("meeting_time", " ");

    assertThatThrownBy(() -> letter.render("letter", "en", noDate)).isInstanceOf(TemplateException.class).hasMessageContaining("((meeting_date))");
    assertThatThrownBy(() -> letter.render("letter", "en", noTime)).isInstanceOf(TemplateException.class).hasMessageContaining("((meeting_time))");
  }

  @ParameterizedTest
  @ValueSource(strings = {"letter-2", "letter-3"})
  void the_medical_evidence_sentence_appears_only_for_a_pupil_with_the_flag_set(String id) {
    MessageTemplate letter = CATALOG.get(id);
    Map<String, String> flagged = example(id);
    flagged.put("medical_evidence_required", "true");
    Map<String, String> notFlagged = example(id);
    notFlagged.remove("medical_evidence_required");
    Map<String, String> flagCleared = example(id);
    flagCleared.put("medical_evidence_required", "false");

    assertThat(letter.render("letter", "en", flagged)).contains(MEDICAL);
    assertThat(letter.render("letter", "en", notFlagged)).doesNotContain(MEDICAL).doesNotContain("medical");
    assertThat(letter.render("letter", "en", flagCleared)).doesNotContain(MEDICAL);
  }

  @Test
  void letter_1_never_asks_for_medical_evidence() {
    assertThat(CATALOG.get("letter-1").declared()).doesNotContain("medical_evidence_required");
    assertThat(CATALOG.get("letter-1").render("letter", "en", example("letter-1"))).doesNotContain("medical professional");
  }

  @ParameterizedTest
  @ValueSource(strings = {"letter-2", "letter-3"})
  void the_penalty_notice_text_states_both_court_maximums_correctly(String id) {
    String letter = CATALOG.get(id).render("letter", "en", example(id));

    assertThat(letter)
        .contains("section 444(1), it can fine them up to £1,000")
        .contains("section 444(1A), the court can fine them up to £2,500, send them to prison for up to 3 months, or both")
        .contains("£80 if paid within 21 days, or £160 if paid within 28 days")
        .contains("10 or more sessions of unauthorised absence within any 10 school weeks")
        .contains("No action is being taken against you at this time")
        .doesNotContain("£2500")
        .doesNotContain("£1000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"letter-1", "letter-2", "letter-3"})
  void graduated_letters_give_numbers_not_just_a_percentage(String id) {
    Map<String, String> values = example(id);
    String letter = CATALOG.get(id).render("letter", "en", values);

    assertThat(letter)
        .contains("Attendance so far this school year: " + values.get("attendance_pct") + "%\n")
        .contains("Sessions missed: " + values.get("absence_sessions"))
        .contains("School days missed: " + values.get("days_missed"))
        .contains("Hours of learning missed: " + values.get("hours_missed"))
        .contains("Lessons missed: " + values.get("lessons_missed"))
        .contains(values.get("pupil_legal_full_name") + ", " + values.get("tutor_group"));
  }

  @Test
  void letter_1_places_the_learning_hours_lost_table_generated_for_the_school() {
    Table hours = new Table(List.of("Attendance", "Hours lost"), List.of(List.of("90%", "95")));
    String letter = CATALOG.get("letter-1").render("letter", "en", example("letter-1"));

    List<Block> blocks = LetterText.parse(letter, Map.of("learning_hours_lost", hours));

    assertThat(blocks).contains(hours);
    assertThatThrownBy(() -> LetterText.parse(letter, Map.of())).hasMessageContaining("learning_hours_lost");
  }

  @Test
  void the_first_day_text_reads_correctly_for_one_child_or_several_sharing_a_number() {
    MessageTemplate firstDay = CATALOG.get("absence-first-day");
    Map<String, String> values = example("absence-first-day");

    values.put("pupil_first_name", "Sara");
    assertThat(firstDay.render("sms", "en", values)).contains("we have not heard why Sara did not come to school today");
    values.put("pupil_first_name", "Adam, Sara and Yusuf");
    assertThat(firstDay.render("sms", "en", values))
        .contains("we have not heard why Adam, Sara and Yusuf did not come to school today")
        .contains(values.get("portal_url"))
        .contains(values.get("school_phone"));
    values.put("pupil_first_name", "Adam i Sara");
    assertThat(firstDay.render("sms", "pl", values)).contains(": Adam i Sara.");
  }

  @Test
  void no_text_message_carries_a_full_name_a_reason_or_a_staff_note() {
    for (MessageTemplate template : CATALOG.all()) {
      if (!template.supports("sms")) {
        continue;
      }
      for (String language : template.languages()) {
        assertThat(MessageTemplate.placeholdersIn(template.text("sms", language)))
            .as(template.id() + " sms " + language)
            .doesNotContain("pupil_legal_full_name", "guardian_name", "decision_note", "medical_evidence_required", "meeting_purpose");
      }
    }
  }

  @Test
  void a_refused_leave_says_the_days_would_be_unauthorised_and_could_lead_to_a_penalty_notice() {
    MessageTemplate refused = CATALOG.get("leave-refused");
    Map<String, String> values = example("leave-refused");

    for (String part : List.of("sms", "email", "letter")) {
      assertThat(refused.render(part, "en", values)).as(part).contains("unauthorised").contains("penalty notice");
    }
    assertThat(refused.render("letter", "en", values)).contains("£80 if paid within 21 days, or £160 if paid within 28 days");
  }

  @Test
  void agreed_leave_says_the_days_are_authorised_and_anything_beyond_them_is_not() {
    String email = CATALOG.get("leave-granted").render("email", "en", example("leave-granted"));

    assertThat(email).contains("recorded as authorised absence").contains("would be recorded as unauthorised absence");
  }

  @Test
  void the_report_card_compares_with_a_typical_pupil_in_the_year_group() {
    Map<String, String> values = example("attendance-report-card");
    String card = CATALOG.get("attendance-report-card").render("letter", "en", values);

    assertThat(card).contains("a typical pupil in Year 2 missed 2 school days over the same period").contains("Attendance band: Good");
  }

  @Test
  void the_good_morning_text_names_who_will_meet_the_pupil_at_the_door() {
    String text = CATALOG.get("good-morning").render("sms", "en", example("good-morning"));

    assertThat(text).startsWith("Good morning Sara!").contains("Miss Evans will be waiting to meet you at the door");
  }
}

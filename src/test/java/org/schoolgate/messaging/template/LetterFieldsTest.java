package org.schoolgate.messaging.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.messaging.template.LetterFields.Key;
import org.schoolgate.platform.validation.InvalidInputException;

/** Letter merge fields and the refusal rules of attendance rules §8.1 (§9 case 41). */
class LetterFieldsTest {

  /** The pupil of case 5: 279 possible sessions, 251 attended. */
  static final AttendanceFigures CASE_5 = new AttendanceFigures(279, 251, 20, 8, 0, 0);

  static Map<Key, String> values() {
    Map<Key, String> v = new EnumMap<>(Key.class);
    v.putAll(LetterFields.attendanceValues(CASE_5));
    v.put(Key.PUPIL_PREFERRED_FIRST_NAME, "Maya");
    v.put(Key.SALUTATION, "Dear Ms Patel");
    return v;
  }

  @Test
  void case_41_present_percent_renders_eighty_nine_point_nine_with_a_single_percent_sign() {
    String letter = LetterFields.merge("Attendance: <<Present%>>%. Sessions missed: <<Absence Count>>.", values());

    assertThat(letter).isEqualTo("Attendance: 89.9%. Sessions missed: 28.");
  }

  @Test
  void case_41_the_seed_typo_preferred_fist_name_resolves_to_the_preferred_first_name() {
    assertThat(LetterFields.merge("<<Salutation of those flagged for correspondence>>, << Preferred fist name>> has", values()))
        .isEqualTo("Dear Ms Patel, Maya has");
    assertThat(LetterFields.resolve("  PREFERRED   first name ")).contains(Key.PUPIL_PREFERRED_FIRST_NAME);
    assertThat(LetterFields.resolve("present attendance")).contains(Key.ATTENDANCE_PCT);
    assertThat(LetterFields.resolve("absence_sessions")).contains(Key.ABSENCE_SESSIONS);
  }

  @Test
  void case_41_a_template_with_xxx_is_blocked() {
    assertThatThrownBy(() -> LetterFields.merge("Dear <<Preferred First Name>>, you have missed XXX sessions.", values()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("placeholder text \"XXX\"");
    assertThat(LetterFields.problems("Please call XX on 0161.", values())).singleElement().asString().contains("\"XX\"");
  }

  @Test
  void ordinary_words_with_capital_x_are_not_mistaken_for_placeholder_text() {
    assertThat(LetterFields.problems("Year 6 SATs: Mr Xavier, XL sizes, Box 12.", values())).isEmpty();
  }

  @Test
  void an_unknown_placeholder_is_refused_and_named() {
    assertThatThrownBy(() -> LetterFields.merge("Hello <<Favourite colour>>", values()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("<<Favourite colour>> is not a letter field");
  }

  @Test
  void a_known_field_without_a_value_is_refused_so_letter_2_needs_its_meeting_booked() {
    assertThat(LetterFields.problems("Please come on <<meeting date>> at <<Meeting Time>>.", values()))
        .containsExactly("<<meeting date>> has no value", "<<Meeting Time>> has no value");
  }

  @Test
  void the_seed_export_garbling_is_refused_rather_than_guessed() {
    assertThat(LetterFields.problems("Dear <<Pre>referred First Name>>,", values()))
        .anyMatch(p -> p.contains("not closed or opened properly"));
  }

  @Test
  void the_seeds_single_bracket_opener_is_still_recognised() {
    Map<Key, String> v = values();
    v.put(Key.CONTACT_NAME, "Ms A Patel");

    assertThat(LetterFields.merge("<Contact flagged for correspondence>>", v)).isEqualTo("Ms A Patel");
  }

  @Test
  void a_pupil_with_no_sessions_has_no_attendance_to_write_about() {
    assertThatThrownBy(() -> LetterFields.attendanceValues(AttendanceFigures.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("No sessions recorded yet");
  }
}

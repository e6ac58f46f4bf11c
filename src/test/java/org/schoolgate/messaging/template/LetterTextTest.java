package org.schoolgate.messaging.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schoolgate.documents.port.LetterDocument.Block;
import org.schoolgate.documents.port.LetterDocument.Bullets;
import org.schoolgate.documents.port.LetterDocument.Heading;
import org.schoolgate.documents.port.LetterDocument.Paragraph;
import org.schoolgate.documents.port.LetterDocument.Table;

class LetterTextTest {

  static final Table HOURS = new Table(List.of("Attendance", "Hours lost"), List.of(List.of("95%", "47.5")));

  @Test
  void headings_paragraphs_bullets_and_tables_are_recognised_in_order() {
    String letter =
        """
        ## Maya Patel, 8K

        We are writing to share
        Maya's attendance.

        - Attendance: 89.9%
        - Sessions missed: 28

        [[table:learning_hours_lost]]

        Thank you.
        """;

    List<Block> blocks = LetterText.parse(letter, Map.of("learning_hours_lost", HOURS));

    assertThat(blocks)
        .containsExactly(
            new Heading("Maya Patel, 8K"),
            new Paragraph("We are writing to share Maya's attendance."),
            new Bullets(List.of("Attendance: 89.9%", "Sessions missed: 28")),
            HOURS,
            new Paragraph("Thank you."));
  }

  @Test
  void a_letter_that_places_a_table_nobody_supplied_is_refused_and_the_table_is_named() {
    assertThatThrownBy(() -> LetterText.parse("Hello.\n\n[[table:learning_hours_lost]]\n", Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("learning_hours_lost");
  }

  @Test
  void a_table_marker_inside_a_paragraph_is_refused_rather_than_printed() {
    assertThatThrownBy(() -> LetterText.parse("See below.\n[[table:learning_hours_lost]]", Map.of("learning_hours_lost", HOURS)))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("must stand alone");
  }

  @Test
  void a_block_with_only_some_lines_starting_with_a_dash_is_a_paragraph() {
    assertThat(LetterText.parse("Costs:\n- £80 within 21 days", Map.of()))
        .containsExactly(new Paragraph("Costs: - £80 within 21 days"));
  }

  @Test
  void several_blank_lines_windows_line_endings_and_an_empty_optional_sentence_leave_no_empty_blocks() {
    List<Block> blocks = LetterText.parse("First.\r\n\r\n   \r\n\r\n\r\nSecond.\r\n", Map.of());

    assertThat(blocks).containsExactly(new Paragraph("First."), new Paragraph("Second."));
  }
}

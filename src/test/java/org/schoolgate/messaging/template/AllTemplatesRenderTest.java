package org.schoolgate.messaging.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.schoolgate.documents.port.LetterDocument.Block;
import org.schoolgate.documents.port.LetterDocument.Table;
import org.schoolgate.messaging.domain.SmsLength;

/** Every template, every part, every language, rendered with its example values as a parent would get it. */
class AllTemplatesRenderTest {

  static final TemplateCatalog CATALOG = new TemplateCatalog();

  static final Map<String, Table> TABLES =
      Map.of(
          "learning_hours_lost",
          new Table(List.of("Attendance", "Days off", "Hours lost"), List.of(List.of("95%", "9.5", "47.5"))),
          "attendance_summary",
          new Table(List.of("Figure", "Value"), List.of(List.of("Attendance", "95.8%"))));

  static Stream<Arguments> everyPartInEveryLanguage() {
    List<Arguments> all = new ArrayList<>();
    for (MessageTemplate template : CATALOG.all()) {
      for (String channel : template.channels()) {
        for (String part : MessageTemplate.partsOf(channel)) {
          List<String> languages = channel.equals("letter") ? List.of("en") : template.languages();
          for (String language : languages) {
            all.add(Arguments.of(template.id(), part, language));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("everyPartInEveryLanguage")
  void renders_completely_with_its_example_values(String id, String part, String language) {
    MessageTemplate template = CATALOG.get(id);
    assertThat(template.hasOwnText(part, language)).as("own text, not the English fallback").isTrue();

    String text = template.render(part, language, template.exampleValues());

    assertThat(text).isNotBlank().doesNotContain("((", "))", "<<", ">>").doesNotContainPattern("(?<![A-Za-z0-9])X{2,}(?![A-Za-z0-9])");
    if (part.equals("sms")) {
      assertThat(SmsLength.of(text).segments()).as(SmsLength.of(text).summary()).isBetween(1, TemplateCatalog.MAX_SMS_SEGMENTS);
    }
    if (part.equals("email.subject")) {
      assertThat(text).doesNotContain("\n");
    }
    if (part.equals("letter")) {
      List<Block> blocks = LetterText.parse(text, TABLES);
      assertThat(blocks).hasSizeGreaterThan(2);
      assertThat(blocks).filteredOn(b -> !(b instanceof Table)).allSatisfy(b -> assertThat(b.toString()).doesNotContain("[["));
    }
  }

  @Test
  void catalog_txt_lists_exactly_the_template_folders_on_disk() throws IOException {
    Path folder = Path.of(System.getProperty("basedir", "."), "message-templates");
    List<String> onDisk;
    try (Stream<Path> entries = Files.list(folder)) {
      onDisk = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_")).sorted().toList();
    }
    List<String> listed =
        Files.readAllLines(folder.resolve("catalog.txt"), StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .sorted()
            .toList();

    assertThat(onDisk).isNotEmpty();
    assertThat(listed).containsExactlyElementsOf(onDisk);
  }

  @Test
  void every_message_to_parents_by_text_or_email_is_written_in_all_five_portal_languages() {
    for (MessageTemplate template : CATALOG.all()) {
      if (template.supports("sms") || template.supports("email")) {
        assertThat(template.languages()).as(template.id()).containsExactlyInAnyOrderElementsOf(MessageTemplate.PORTAL_LANGUAGES);
      }
    }
  }
}

package org.schoolgate.messaging.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateCatalogTest {

  @Test
  void the_catalogue_loads_every_listed_template_in_order() {
    TemplateCatalog catalog = new TemplateCatalog();

    assertThat(catalog.ids()).startsWith("absence-first-day").contains("letter-1", "letter-2", "letter-3", "sign-in-code");
    assertThat(catalog.all()).extracting(MessageTemplate::id).containsExactlyElementsOf(catalog.ids());
    assertThat(catalog.get("letter-2").title()).isEqualTo("Letter 2: invitation to an Attendance Support Meeting");
  }

  @Test
  void asking_for_a_template_that_does_not_exist_names_it_and_lists_those_that_do() {
    TemplateCatalog catalog = new TemplateCatalog();

    assertThatThrownBy(() -> catalog.get("letter-4"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("\"letter-4\"")
        .hasMessageContaining("letter-3");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown-channel     | fax-note      | \"fax\" is not a channel we send by",
        "undeclared-field    | staff-note    | email.txt uses ((nurse_name)), which template.properties does not declare",
        "long-sms            | staff-alert   | sms.txt text with its example values is 4 text messages",
        "missing-translation | parent-note   | needs the ar translation",
        "missing-text        | staff-letter  | the letter channel has no letter.txt",
      })
  void an_invalid_template_stops_the_catalogue_loading_with_its_id_and_the_reason(String folder, String id, String reason) {
    assertThatThrownBy(() -> new TemplateCatalog("template-catalogs/" + folder + "/"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("Message template " + id + " cannot be used")
        .hasMessageContaining(reason);
  }

  @Test
  void a_missing_catalogue_list_is_reported_by_its_path() {
    assertThatThrownBy(() -> new TemplateCatalog("template-catalogs/nowhere/"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("template-catalogs/nowhere/catalog.txt is missing");
  }
}

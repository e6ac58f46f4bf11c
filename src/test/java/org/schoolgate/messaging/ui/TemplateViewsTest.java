package org.schoolgate.messaging.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.schoolgate.messaging.application.SchoolTemplates.Standing;
import org.schoolgate.messaging.application.SchoolTemplates.State;
import org.schoolgate.messaging.application.SchoolTemplates.Version;
import org.schoolgate.messaging.template.MessageTemplate;

/** The words the template list and editor put on a school's versions. */
class TemplateViewsTest {

  @Test
  void the_list_names_the_versions_awaiting_sign_off() {
    assertThat(TemplatesView.awaiting(new Standing(0, List.of()))).isEmpty();
    assertThat(TemplatesView.awaiting(new Standing(2, List.of(3)))).isEqualTo("Version 3");
    assertThat(TemplatesView.awaiting(new Standing(0, List.of(1, 2)))).isEqualTo("Versions 1, 2");
  }

  @Test
  void the_list_says_how_a_template_is_sent_and_its_category_in_words() {
    assertThat(TemplatesView.channels(MessageTemplate.load("sign-in-code"))).isEqualTo("Text, Email");
    assertThat(TemplatesView.category("graduated-response")).isEqualTo("Graduated response");
  }

  @Test
  void the_editor_says_which_wording_is_in_use_and_which_version_is_open() {
    Version draft = new Version(3, State.DRAFT, "Softer opening", UUID.randomUUID(), "Ms Priya Shah", OffsetDateTime.now(), null, null);

    assertThat(TemplateEditorView.statusLine(2, draft))
        .isEqualTo("In use: the school's own wording, version 2. Showing version 3 (Draft) by Ms Priya Shah. Note: Softer opening");
    assertThat(TemplateEditorView.statusLine(0, null)).startsWith("In use: Schoolgate's wording. Showing Schoolgate's wording");
  }
}

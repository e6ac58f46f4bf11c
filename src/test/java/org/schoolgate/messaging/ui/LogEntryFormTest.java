package org.schoolgate.messaging.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.schoolgate.messaging.application.LogKind;
import org.schoolgate.messaging.application.LogPupil;

/** The "Log a call" / "Add note" form: what the office types becomes one draft, or nothing. */
class LogEntryFormTest {

  private static final UUID SCHOOL = UUID.randomUUID();
  private static final LogPupil AHMED = new LogPupil(UUID.randomUUID(), "Ahmed Haddad", SCHOOL);
  private static final LogPupil YASMIN = new LogPupil(UUID.randomUUID(), "Yasmin Haddad", SCHOOL);
  private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 16, 8, 47);

  private final LogEntryForm form = new LogEntryForm();
  private final List<LogEntryForm.Draft> saved = new ArrayList<>();

  LogEntryFormTest() {
    form.addSaveListener(e -> saved.add(e.draft()));
  }

  @Test
  void a_call_about_both_siblings_is_saved_with_what_was_typed() {
    form.setPupils(List.of(YASMIN, AHMED));
    form.start(LogKind.CALL, List.of(), NOW);
    form.pupils.select(YASMIN, AHMED);
    form.title.setValue("Mum rang: medical appointment");
    form.detail.setValue("Both back after lunch");
    form.restricted.setValue(true);

    form.save.click();

    assertThat(form.heading.getText()).isEqualTo("Log a call");
    assertThat(form.pupils.isVisible()).isTrue();
    assertThat(saved).singleElement().satisfies(d -> {
      assertThat(d.getKind()).isEqualTo(LogKind.CALL);
      assertThat(d.getWhen()).isEqualTo(NOW);
      assertThat(d.getPupils()).containsExactlyInAnyOrder(YASMIN, AHMED);
      assertThat(d.getTitle()).isEqualTo("Mum rang: medical appointment");
      assertThat(d.getDetail()).isEqualTo("Both back after lunch");
      assertThat(d.isRestricted()).isTrue();
    });
  }

  @Test
  void without_a_title_nothing_is_saved_and_the_field_says_why() {
    form.setPupils(List.of(AHMED));
    form.start(LogKind.NOTE, List.of(AHMED), NOW);

    form.save.click();

    assertThat(saved).isEmpty();
    assertThat(form.title.isInvalid()).isTrue();
    assertThat(form.title.getErrorMessage()).isEqualTo("Give the entry a short title");
    assertThat(form.pupils.isVisible()).as("one child: no choice to make").isFalse();
  }

  @Test
  void a_new_entry_starts_empty_after_the_last_one_was_saved() {
    form.setPupils(List.of(AHMED));
    form.start(LogKind.NOTE, List.of(AHMED), NOW);
    form.title.setValue("Forgot PE kit");
    form.restricted.setValue(true);
    form.save.click();

    form.start(LogKind.CALL, List.of(AHMED), NOW.plusHours(1));

    assertThat(form.title.getValue()).isEmpty();
    assertThat(form.restricted.getValue()).isFalse();
    assertThat(form.kind.getValue()).isEqualTo(LogKind.CALL);
    assertThat(form.when.getValue()).isEqualTo(NOW.plusHours(1));
  }
}

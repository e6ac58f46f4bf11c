package org.schoolgate.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.schoolgate.messaging.application.BulkSends.BulkAudience;
import org.schoolgate.messaging.application.BulkSends.BulkPreview;
import org.schoolgate.messaging.application.BulkSends.BulkUnreachable;
import org.schoolgate.messaging.domain.DeliveryStatus;
import org.schoolgate.messaging.template.MessageTemplate;
import org.schoolgate.platform.security.StaffRole;

/** Who may send to how many families, what the summary line says, and what staff are asked to type. */
class BulkSendRulesTest {

  @Test
  void the_office_may_send_to_a_hundred_families_but_not_to_a_hundred_and_one() {
    assertThat(BulkSends.refusal(Set.of(StaffRole.OFFICE), 100)).isEmpty();
    assertThat(BulkSends.refusal(Set.of(StaffRole.OFFICE), 101)).get().asString()
        .contains("101 families").contains("needs the headteacher or an administrator");
    assertThat(BulkSends.refusal(Set.of(StaffRole.PASTORAL_LEAD, StaffRole.ATTENDANCE_OFFICER), 101)).isPresent();
  }

  @Test
  void the_headteacher_and_administrators_may_send_to_the_whole_school() {
    assertThat(BulkSends.refusal(Set.of(StaffRole.HEADTEACHER), 900)).isEmpty();
    assertThat(BulkSends.refusal(Set.of(StaffRole.ADMINISTRATOR), 900)).isEmpty();
  }

  @Test
  void teachers_senco_and_dsl_may_not_send_to_many_families_at_all() {
    assertThat(BulkSends.refusal(Set.of(StaffRole.TEACHER), 3)).isPresent();
    assertThat(BulkSends.refusal(Set.of(StaffRole.SENCO, StaffRole.DSL), 3)).isPresent();
    assertThat(BulkSends.refusal(Set.of(), 1)).isPresent();
  }

  @Test
  void the_summary_reads_families_texts_parts_cost_and_who_cannot_be_reached() {
    BulkAudience audience = new BulkAudience(List.of(), List.of(), Optional.empty());
    List<BulkUnreachable> three = List.of(new BulkUnreachable("A", "B", "no mobile number"),
        new BulkUnreachable("C", "D", "no mobile number"), new BulkUnreachable("E", "F", "no mobile number"));
    BulkPreview preview = new BulkPreview(audience, 214, 231, 0, 0, 0, 262, 262 * 4, three, null, null);

    assertThat(preview.summary()).isEqualTo("214 families, 231 texts, 262 SMS parts, about £10.48; 3 cannot be reached");
  }

  @Test
  void letters_are_costed_at_the_letter_price_and_emails_are_free() {
    BulkAudience audience = new BulkAudience(List.of(), List.of(), Optional.empty());
    BulkPreview preview = new BulkPreview(audience, 3, 0, 2, 1, 0, 0, 85, List.of(), null, null);

    assertThat(preview.summary()).isEqualTo("3 families, 2 emails, 1 letter, about £0.85");
  }

  @Test
  void staff_are_asked_only_for_the_values_schoolgate_cannot_fill() {
    MessageTemplate code = MessageTemplate.load("sign-in-code");

    assertThat(BulkSends.valuesToAsk(code)).containsExactly("code", "minutes");
    assertThat(BulkSends.FILLED_BY_SCHOOLGATE).contains("school_name", "pupil_first_name", "attendance_pct", "school_phone");
    assertThat(BulkSends.labelOf("rsvp_url")).isEqualTo("RSVP link");
    assertThat(BulkSends.labelOf("event_date")).isEqualTo("Event date");
  }

  @Test
  void a_scheduled_send_shows_as_sending_once_its_time_has_come_and_finished_when_nothing_waits() {
    OffsetDateTime at = OffsetDateTime.parse("2026-11-20T08:00:00Z");
    Map<DeliveryStatus, Integer> waiting = Map.of(DeliveryStatus.CREATED, 10);
    Map<DeliveryStatus, Integer> done = Map.of(DeliveryStatus.DELIVERED, 9, DeliveryStatus.PERMANENT_FAILURE, 1);

    assertThat(BulkState.shown(BulkState.SCHEDULED, waiting, at, at.minusMinutes(1))).isEqualTo(BulkState.SCHEDULED);
    assertThat(BulkState.shown(BulkState.SCHEDULED, waiting, at, at.plusMinutes(1))).isEqualTo(BulkState.SENDING);
    assertThat(BulkState.shown(BulkState.SENDING, done, at, at.plusMinutes(5))).isEqualTo(BulkState.FINISHED);
    assertThat(BulkState.shown(BulkState.CANCELLED, waiting, at, at)).isEqualTo(BulkState.CANCELLED);
  }
}

package org.schoolgate.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OneTimeCodeTest {

  private static final OffsetDateTime NOW = OffsetDateTime.of(2025, 11, 20, 7, 52, 0, 0, ZoneOffset.UTC);

  @Test
  void a_code_is_six_digits_and_works_once() {
    OneTimeCode.Issued issued = OneTimeCode.issue(UUID.randomUUID(), "+447911123456", "10.0.0.1", NOW, 10);
    assertThat(issued.code()).matches("[0-9]{6}");
    assertThat(issued.record().attempt(issued.code(), NOW.plusMinutes(1), 5)).isEqualTo(OneTimeCode.Check.ACCEPTED);
    assertThat(issued.record().attempt(issued.code(), NOW.plusMinutes(2), 5)).isEqualTo(OneTimeCode.Check.EXPIRED);
  }

  @Test
  void a_code_stops_working_after_ten_minutes() {
    OneTimeCode.Issued issued = OneTimeCode.issue(UUID.randomUUID(), "+447911123456", null, NOW, 10);
    assertThat(issued.record().getExpiresAt()).isEqualTo(NOW.plusMinutes(10));
    assertThat(issued.record().attempt(issued.code(), NOW.plusMinutes(10), 5)).isEqualTo(OneTimeCode.Check.EXPIRED);
  }

  @Test
  void a_code_still_works_one_second_before_ten_minutes_are_up() {
    OneTimeCode.Issued issued = OneTimeCode.issue(UUID.randomUUID(), "+447911123456", null, NOW, 10);
    assertThat(issued.record().attempt(issued.code(), NOW.plusMinutes(10).minusSeconds(1), 5))
        .isEqualTo(OneTimeCode.Check.ACCEPTED);
  }

  @Test
  void an_expired_code_does_not_use_up_an_attempt() {
    OneTimeCode.Issued issued = OneTimeCode.issue(UUID.randomUUID(), "+447911123456", null, NOW, 10);
    issued.record().attempt(issued.code(), NOW.plusMinutes(11), 5);
    assertThat(issued.record().getAttempts()).isZero();
  }

  @Test
  void the_fifth_attempt_may_still_be_the_right_code() {
    OneTimeCode.Issued issued = OneTimeCode.issue(UUID.randomUUID(), "+447911123456", null, NOW, 10);
    String wrong = wrongCodeFor(issued);
    for (int i = 0; i < 4; i++) {
      issued.record().attempt(wrong, NOW, 5);
    }
    assertThat(issued.record().attempt(issued.code(), NOW.plusMinutes(1), 5)).isEqualTo(OneTimeCode.Check.ACCEPTED);
    assertThat(issued.record().getAttempts()).isEqualTo(5);
  }

  @Test
  void a_code_typed_with_spaces_around_it_is_accepted() {
    OneTimeCode.Issued issued = OneTimeCode.issue(UUID.randomUUID(), "+447911123456", null, NOW, 10);
    assertThat(issued.record().attempt(" " + issued.code() + " ", NOW, 5)).isEqualTo(OneTimeCode.Check.ACCEPTED);
  }

  @Test
  void an_empty_or_missing_code_is_wrong_and_counts_as_an_attempt() {
    OneTimeCode.Issued issued = OneTimeCode.issue(UUID.randomUUID(), "+447911123456", null, NOW, 10);
    assertThat(issued.record().attempt(null, NOW, 5)).isEqualTo(OneTimeCode.Check.WRONG);
    assertThat(issued.record().attempt("", NOW, 5)).isEqualTo(OneTimeCode.Check.WRONG);
    assertThat(issued.record().getAttempts()).isEqualTo(2);
  }

  @Test
  void a_code_is_issued_for_its_guardian_with_the_time_it_was_asked_for() {
    UUID guardian = UUID.randomUUID();
    OneTimeCode.Issued issued = OneTimeCode.issue(guardian, "+447911123456", "10.0.0.1", NOW, 10);
    assertThat(issued.record().getGuardianId()).isEqualTo(guardian);
    assertThat(issued.record().getCreatedAt()).isEqualTo(NOW);
    assertThat(issued.record().getAttempts()).isZero();
  }

  @Test
  void after_five_wrong_attempts_even_the_right_code_is_refused() {
    OneTimeCode.Issued issued = OneTimeCode.issue(UUID.randomUUID(), "+447911123456", null, NOW, 10);
    String wrong = wrongCodeFor(issued);
    for (int i = 0; i < 4; i++) {
      assertThat(issued.record().attempt(wrong, NOW, 5)).isEqualTo(OneTimeCode.Check.WRONG);
    }
    assertThat(issued.record().attempt(wrong, NOW, 5)).as("5th").isEqualTo(OneTimeCode.Check.TOO_MANY_ATTEMPTS);
    assertThat(issued.record().attempt(issued.code(), NOW, 5)).as("6th, right code").isEqualTo(OneTimeCode.Check.TOO_MANY_ATTEMPTS);
    assertThat(issued.record().getAttempts()).as("the 6th is not counted").isEqualTo(5);
  }

  private static String wrongCodeFor(OneTimeCode.Issued issued) {
    return issued.code().equals("000000") ? "111111" : "000000";
  }

  @Test
  void a_request_for_an_unknown_destination_can_never_be_answered() {
    OneTimeCode record = OneTimeCode.unanswerable("+447911123456", null, NOW);
    assertThat(record.getGuardianId()).isNull();
    for (String guess : new String[] {"123456", "000000", "999999", ""}) {
      assertThat(record.attempt(guess, NOW, 5)).as(guess).isEqualTo(OneTimeCode.Check.EXPIRED);
    }
  }

  @Test
  void a_guess_at_an_unknown_destination_gets_the_same_answer_as_a_guess_at_an_expired_code() {
    OneTimeCode unknown = OneTimeCode.unanswerable("+447911123456", null, NOW);
    OneTimeCode.Issued known = OneTimeCode.issue(UUID.randomUUID(), "+447911654321", null, NOW, 10);
    OffsetDateTime later = NOW.plusMinutes(10);
    assertThat(unknown.attempt("123456", later, 5)).isEqualTo(known.record().attempt("123456", later, 5));
  }

  @Test
  void only_hashes_of_the_destination_are_stored_never_the_destination() {
    assertThat(OneTimeCode.sha256("+447911123456")).hasSize(64).doesNotContain("7911123456");
    assertThat(OneTimeCode.sha256("+447911123456")).isEqualTo(OneTimeCode.sha256("+447911123456"));
    assertThat(OneTimeCode.sha256("+447911123456")).isNotEqualTo(OneTimeCode.sha256("+447911123457"));
  }

  @Test
  void destinations_are_masked_in_the_sign_in_audit() {
    assertThat(SignInAuditEntry.mask("+447911123456")).isEqualTo("+44***456");
    assertThat(SignInAuditEntry.mask("amira@example.com")).isEqualTo("a***@example.com");
    assertThat(SignInAuditEntry.mask("abc")).isEqualTo("***");
    assertThat(SignInAuditEntry.mask(null)).isEqualTo("***");
  }
}

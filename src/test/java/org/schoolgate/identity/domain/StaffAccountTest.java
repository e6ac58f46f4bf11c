package org.schoolgate.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StaffAccountTest {

  private static final OffsetDateTime NOW = OffsetDateTime.of(2025, 11, 20, 8, 30, 0, 0, ZoneOffset.UTC);

  private static final Duration LOCK = Duration.ofMinutes(15);

  @Test
  void five_wrong_passwords_lock_the_account_for_fifteen_minutes() {
    StaffAccount account = new StaffAccount(null, "Dave", "hash");
    for (int i = 0; i < 4; i++) {
      account.recordFailure(NOW, 5, Duration.ofMinutes(15));
      assertThat(account.isLocked(NOW)).isFalse();
    }
    account.recordFailure(NOW, 5, Duration.ofMinutes(15));
    assertThat(account.isLocked(NOW)).isTrue();
    assertThat(account.isLocked(NOW.plusMinutes(14))).isTrue();
    assertThat(account.isLocked(NOW.plusMinutes(15))).isFalse();
  }

  @Test
  void the_lock_lasts_fifteen_minutes_from_the_fifth_failure() {
    StaffAccount account = new StaffAccount(null, "dave", "hash");
    for (int i = 0; i < 4; i++) {
      account.recordFailure(NOW, 5, LOCK);
    }
    OffsetDateTime fifth = NOW.plusMinutes(3);
    account.recordFailure(fifth, 5, LOCK);
    assertThat(account.getLockedUntil()).isEqualTo(fifth.plusMinutes(15));
    assertThat(account.isLocked(fifth.plusMinutes(15).minusSeconds(1))).isTrue();
    assertThat(account.isLocked(fifth.plusMinutes(15))).isFalse();
  }

  @Test
  void after_the_lock_ends_the_count_of_failures_starts_again() {
    StaffAccount account = new StaffAccount(null, "dave", "hash");
    for (int i = 0; i < 5; i++) {
      account.recordFailure(NOW, 5, LOCK);
    }
    OffsetDateTime afterLock = NOW.plusMinutes(16);
    account.recordFailure(afterLock, 5, LOCK);
    assertThat(account.isLocked(afterLock)).as("one failure after the lock").isFalse();
    assertThat(account.getFailedSignIns()).isEqualTo(1);
    for (int i = 0; i < 4; i++) {
      account.recordFailure(afterLock, 5, LOCK);
    }
    assertThat(account.isLocked(afterLock)).as("five more failures lock it again").isTrue();
  }

  @Test
  void a_successful_sign_in_clears_earlier_failures() {
    StaffAccount account = new StaffAccount(null, "dave", "hash");
    for (int i = 0; i < 4; i++) {
      account.recordFailure(NOW, 5, LOCK);
    }
    account.recordSuccess();
    assertThat(account.getFailedSignIns()).isZero();
    account.recordFailure(NOW, 5, LOCK);
    assertThat(account.isLocked(NOW)).as("the fifth failure overall, but only the first since success").isFalse();
  }

  @Test
  void a_successful_sign_in_lifts_a_lock() {
    StaffAccount account = new StaffAccount(null, "dave", "hash");
    for (int i = 0; i < 5; i++) {
      account.recordFailure(NOW, 5, LOCK);
    }
    account.recordSuccess();
    assertThat(account.isLocked(NOW)).isFalse();
    assertThat(account.getLockedUntil()).isNull();
  }

  @Test
  void a_new_account_is_active_and_not_locked_and_can_be_deactivated() {
    StaffAccount account = new StaffAccount(null, "dave", "hash");
    assertThat(account.isActive()).isTrue();
    assertThat(account.isLocked(NOW)).isFalse();
    account.deactivate();
    assertThat(account.isActive()).isFalse();
  }

  @Test
  void usernames_are_case_insensitive_and_trimmed() {
    assertThat(new StaffAccount(null, "  Dave.Office ", "hash").getUsername()).isEqualTo("dave.office");
    assertThat(StaffAccount.normalise(" DAVE.office")).isEqualTo("dave.office");
    assertThat(StaffAccount.normalise(null)).isEmpty();
  }
}

package org.schoolgate.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void the_right_password_matches_its_hash_and_a_wrong_one_does_not() {
    String hash = hasher.hash("correct horse battery");
    assertThat(hasher.matches("correct horse battery", hash)).isTrue();
    assertThat(hasher.matches("correct horse battery!", hash)).isFalse();
  }

  @Test
  void the_same_password_hashes_differently_each_time_because_of_the_salt() {
    assertThat(hasher.hash("same password here")).isNotEqualTo(hasher.hash("same password here"));
  }

  @Test
  void hashes_name_their_algorithm_and_cost_so_the_cost_can_rise_later() {
    assertThat(hasher.hash("any long password")).startsWith("pbkdf2-sha256$600000$");
  }

  @Test
  void each_hash_carries_a_sixteen_byte_salt_and_a_256_bit_key() {
    String[] parts = hasher.hash("correct horse battery").split("\\$");
    assertThat(parts).hasSize(4);
    assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
    assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
  }

  @Test
  void a_hash_made_at_an_older_lower_cost_still_verifies_so_the_cost_can_rise() throws Exception {
    byte[] salt = "sixteen byte slt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] key =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec("correct horse battery".toCharArray(), salt, 1_000, 256))
            .getEncoded();
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    String older = "pbkdf2-sha256$1000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
    assertThat(hasher.matches("correct horse battery", older)).isTrue();
    assertThat(hasher.matches("correct horse battery!", older)).isFalse();
  }

  @Test
  void a_stored_hash_with_another_salt_does_not_match() {
    String[] parts = hasher.hash("correct horse battery").split("\\$");
    String otherSalt = Base64.getEncoder().withoutPadding().encodeToString(new byte[16]);
    assertThat(hasher.matches("correct horse battery", parts[0] + "$" + parts[1] + "$" + otherSalt + "$" + parts[3])).isFalse();
  }

  @Test
  void a_hash_of_another_algorithm_never_matches() {
    String[] parts = hasher.hash("correct horse battery").split("\\$");
    assertThat(hasher.matches("correct horse battery", "pbkdf2-sha1$" + parts[1] + "$" + parts[2] + "$" + parts[3])).isFalse();
  }

  @Test
  void a_malformed_stored_hash_never_matches() {
    assertThat(hasher.matches("x", "plain-text")).isFalse();
    assertThat(hasher.matches("x", null)).isFalse();
  }

  @Test
  void a_damaged_stored_hash_is_a_failed_sign_in_not_an_error() {
    assertThat(hasher.matches("x", "pbkdf2-sha256$abc$x$y")).isFalse();
    assertThat(hasher.matches("x", "pbkdf2-sha256$1000$@@@$###")).isFalse();
  }

  @Test
  void passwords_shorter_than_ten_characters_are_not_acceptable() {
    assertThat(PasswordHasher.acceptable("short")).isFalse();
    assertThat(PasswordHasher.acceptable("nine char")).isFalse();
    assertThat(PasswordHasher.acceptable("ten chars!")).isTrue();
    assertThat(PasswordHasher.acceptable("long enough")).isTrue();
    assertThat(PasswordHasher.acceptable(null)).isFalse();
  }
}

package org.schoolgate.identity.domain;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, slow password hashes: PBKDF2 with HMAC-SHA-256, 600,000 iterations (OWASP's 2023 figure),
 * a 16-byte random salt per password. Stored as {@code pbkdf2-sha256$iterations$salt$hash} so the
 * cost can be raised later without breaking existing hashes.
 */
public final class PasswordHasher {

  public static final int ITERATIONS = 600_000;
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Compared against when the username is unknown, so both cases take the same time. */
  private static final String DECOY = new PasswordHasher().hash("decoy-password-never-matches");

  public String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] hash = pbkdf2(password, salt, ITERATIONS);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "pbkdf2-sha256$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
  }

  public boolean matches(String password, String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
      return false;
    }
    try {
      Base64.Decoder b64 = Base64.getDecoder();
      byte[] expected = b64.decode(parts[3]);
      byte[] actual = pbkdf2(password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException corrupted) {
      // A damaged stored hash never matches; the person sees the usual sign-in failure.
      return false;
    }
  }

  /** Spends the same effort as a real check, for unknown usernames. */
  public void burnDecoy(String password) {
    matches(password, DECOY);
  }

  /** A password needs 10 or more characters; length beats complexity rules. */
  public static boolean acceptable(String password) {
    return password != null && password.length() >= 10;
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 is not available", e);
    }
  }
}

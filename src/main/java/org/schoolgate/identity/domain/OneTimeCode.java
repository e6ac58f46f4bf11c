package org.schoolgate.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import org.schoolgate.platform.persistence.BaseEntity;

/**
 * A parent's six-digit sign-in code: valid for ten minutes, five attempts, used once. Only a hash
 * of the code and of the destination is kept. A request for an unknown destination is recorded too
 * (without a code), so rate limits count every request and answers never reveal who is registered.
 */
@Entity
@Table(name = "one_time_code")
public class OneTimeCode extends BaseEntity {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Column(name = "guardian_id")
  private UUID guardianId;

  @Column(name = "destination_hash", nullable = false)
  private String destinationHash;

  @Column(name = "code_hash")
  private String codeHash;

  @Column(name = "requested_ip")
  private String requestedIp;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "consumed_at")
  private OffsetDateTime consumedAt;

  protected OneTimeCode() {}

  private OneTimeCode(UUID guardianId, String destination, String code, String ip, OffsetDateTime now, int validMinutes) {
    this.guardianId = guardianId;
    this.destinationHash = sha256(destination);
    this.codeHash = code == null ? null : sha256(getId() + ":" + code);
    this.requestedIp = ip;
    this.createdAt = now;
    this.expiresAt = now.plusMinutes(validMinutes);
  }

  /** A new code for a known guardian; returns the record and the code to send. */
  public static Issued issue(UUID guardianId, String destination, String ip, OffsetDateTime now, int validMinutes) {
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    return new Issued(new OneTimeCode(guardianId, destination, code, ip, now, validMinutes), code);
  }

  /** A request for a destination nobody is registered with: counted, never answerable. */
  public static OneTimeCode unanswerable(String destination, String ip, OffsetDateTime now) {
    return new OneTimeCode(null, destination, null, ip, now, 0);
  }

  public record Issued(OneTimeCode record, String code) {}

  /** The outcome of trying a code. */
  public enum Check {
    ACCEPTED,
    WRONG,
    EXPIRED,
    TOO_MANY_ATTEMPTS
  }

  /** Tries a code; counts the attempt; accepts it at most once. */
  public Check attempt(String code, OffsetDateTime now, int maxAttempts) {
    if (codeHash == null || consumedAt != null || !now.isBefore(expiresAt)) {
      return Check.EXPIRED;
    }
    if (attempts >= maxAttempts) {
      return Check.TOO_MANY_ATTEMPTS;
    }
    attempts++;
    String candidate = sha256(getId() + ":" + (code == null ? "" : code.trim()));
    if (MessageDigest.isEqual(candidate.getBytes(StandardCharsets.US_ASCII), codeHash.getBytes(StandardCharsets.US_ASCII))) {
      consumedAt = now;
      return Check.ACCEPTED;
    }
    return attempts >= maxAttempts ? Check.TOO_MANY_ATTEMPTS : Check.WRONG;
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public UUID getGuardianId() {
    return guardianId;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getExpiresAt() {
    return expiresAt;
  }

  public int getAttempts() {
    return attempts;
  }
}

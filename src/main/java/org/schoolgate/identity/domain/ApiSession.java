package org.schoolgate.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import org.schoolgate.platform.security.SignedInUser;

/**
 * A bearer token for the REST API, issued at sign-in. Only its SHA-256 hash is stored, in the
 * database, so every node of a cluster accepts it.
 */
@Entity
@Table(name = "api_session")
public class ApiSession {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Id
  @Column(name = "token_hash")
  private String tokenHash;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false)
  private SignedInUser.Kind kind;

  @Column(name = "principal_id", nullable = false)
  private UUID principalId;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  protected ApiSession() {}

  /** A new session; returns the record and the token to hand to the client once. */
  public static Issued open(SignedInUser.Kind kind, UUID principalId, OffsetDateTime now, int hours) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ApiSession session = new ApiSession();
    session.tokenHash = OneTimeCode.sha256(token);
    session.kind = kind;
    session.principalId = principalId;
    session.createdAt = now;
    session.expiresAt = now.plusHours(hours);
    return new Issued(session, token);
  }

  public record Issued(ApiSession session, String token) {}

  public boolean isValid(OffsetDateTime now) {
    return now.isBefore(expiresAt);
  }

  public SignedInUser.Kind getKind() {
    return kind;
  }

  public UUID getPrincipalId() {
    return principalId;
  }

  public OffsetDateTime getExpiresAt() {
    return expiresAt;
  }
}

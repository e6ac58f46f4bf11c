package org.schoolgate.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One sign-in attempt, successful or not. Destinations are masked; passwords never stored. */
@Entity
@Table(name = "sign_in_audit")
public class SignInAuditEntry {

  @Id
  @Column(name = "id")
  private UUID id = UUID.randomUUID();

  @Column(name = "at", nullable = false)
  private OffsetDateTime at;

  @Column(name = "kind", nullable = false)
  private String kind;

  @Column(name = "principal", nullable = false)
  private String principal;

  @Column(name = "outcome", nullable = false)
  private String outcome;

  @Column(name = "ip")
  private String ip;

  protected SignInAuditEntry() {}

  public SignInAuditEntry(OffsetDateTime at, String kind, String principal, String outcome, String ip) {
    this.at = at;
    this.kind = kind;
    this.principal = principal.length() > 120 ? principal.substring(0, 120) : principal;
    this.outcome = outcome;
    this.ip = ip;
  }

  public OffsetDateTime getAt() {
    return at;
  }

  public String getKind() {
    return kind;
  }

  public String getPrincipal() {
    return principal;
  }

  public String getOutcome() {
    return outcome;
  }

  public String getIp() {
    return ip;
  }

  /** "07*** ***456" or "a***@example.com": enough to recognise, not enough to reuse. */
  public static String mask(String destination) {
    if (destination == null || destination.length() < 4) {
      return "***";
    }
    int at = destination.indexOf('@');
    if (at > 0) {
      return destination.charAt(0) + "***" + destination.substring(at);
    }
    return destination.substring(0, 3) + "***" + destination.substring(destination.length() - 3);
  }
}

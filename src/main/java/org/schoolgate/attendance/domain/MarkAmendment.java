package org.schoolgate.attendance.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.schoolgate.directory.domain.Session;

/**
 * One change to a statutory mark, kept for six years and never edited or deleted (attendance
 * rules R1.4): the original code, the new code, why, who (name and position) and when.
 */
@Entity
@Table(name = "mark_amendment")
public class MarkAmendment {

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  private UUID id = UUID.randomUUID();

  @Column(name = "pupil_id", nullable = false, updatable = false)
  private UUID pupilId;

  @Column(name = "session_date", nullable = false, updatable = false)
  private LocalDate sessionDate;

  @Enumerated(EnumType.STRING)
  @Column(name = "session", nullable = false, updatable = false)
  private Session session;

  @Column(name = "original_code", updatable = false)
  private String originalCode;

  @Column(name = "new_code", nullable = false, updatable = false)
  private String newCode;

  @Column(name = "reason", nullable = false, updatable = false)
  private String reason;

  @Column(name = "amended_by", updatable = false)
  private UUID amendedBy;

  @Column(name = "amended_by_name", nullable = false, updatable = false)
  private String amendedByName;

  @Column(name = "amended_by_position", nullable = false, updatable = false)
  private String amendedByPosition;

  @Column(name = "amended_at", nullable = false, updatable = false)
  private OffsetDateTime amendedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "source", nullable = false, updatable = false)
  private MarkSource source;

  protected MarkAmendment() {}

  public MarkAmendment(
      UUID pupilId,
      LocalDate sessionDate,
      Session session,
      String originalCode,
      String newCode,
      String reason,
      UUID amendedBy,
      String amendedByName,
      String amendedByPosition,
      OffsetDateTime amendedAt,
      MarkSource source) {
    this.pupilId = pupilId;
    this.sessionDate = sessionDate;
    this.session = session;
    this.originalCode = originalCode;
    this.newCode = newCode;
    this.reason = reason;
    this.amendedBy = amendedBy;
    this.amendedByName = amendedByName;
    this.amendedByPosition = amendedByPosition;
    this.amendedAt = amendedAt;
    this.source = source;
  }

  public UUID getId() {
    return id;
  }

  public UUID getPupilId() {
    return pupilId;
  }

  public LocalDate getSessionDate() {
    return sessionDate;
  }

  public Session getSession() {
    return session;
  }

  public String getOriginalCode() {
    return originalCode;
  }

  public String getNewCode() {
    return newCode;
  }

  public String getReason() {
    return reason;
  }

  public UUID getAmendedBy() {
    return amendedBy;
  }

  public String getAmendedByName() {
    return amendedByName;
  }

  public String getAmendedByPosition() {
    return amendedByPosition;
  }

  public OffsetDateTime getAmendedAt() {
    return amendedAt;
  }

  public MarkSource getSource() {
    return source;
  }
}

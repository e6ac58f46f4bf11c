package org.schoolgate.attendance.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One line of a case's chronology of support (attendance rules §5.1): a stage confirmed or
 * declined, a lead professional named, a note. Never edited.
 */
@Entity
@Table(name = "case_event")
public class CaseEvent {

  public static final String STAGE_CHANGED = "STAGE_CHANGED";
  public static final String RECOMMENDATION_DECLINED = "RECOMMENDATION_DECLINED";
  public static final String LEAD_PROFESSIONAL = "LEAD_PROFESSIONAL";
  public static final String NOTE = "NOTE";

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  private UUID id = UUID.randomUUID();

  @Column(name = "case_id", nullable = false, updatable = false)
  private UUID caseId;

  @Column(name = "at", nullable = false, updatable = false)
  private OffsetDateTime at;

  @Column(name = "kind", nullable = false, updatable = false)
  private String kind;

  @Column(name = "stage_from", updatable = false)
  private String stageFrom;

  @Column(name = "stage_to", updatable = false)
  private String stageTo;

  @Column(name = "by_staff", updatable = false)
  private UUID byStaff;

  @Column(name = "by_name", updatable = false)
  private String byName;

  @Column(name = "text", nullable = false, updatable = false)
  private String text;

  protected CaseEvent() {}

  public CaseEvent(
      UUID caseId, OffsetDateTime at, String kind, String stageFrom, String stageTo, UUID byStaff, String byName, String text) {
    this.caseId = caseId;
    this.at = at;
    this.kind = kind;
    this.stageFrom = stageFrom;
    this.stageTo = stageTo;
    this.byStaff = byStaff;
    this.byName = byName;
    this.text = text;
  }

  public UUID getId() {
    return id;
  }

  public UUID getCaseId() {
    return caseId;
  }

  public OffsetDateTime getAt() {
    return at;
  }

  public String getKind() {
    return kind;
  }

  public String getStageFrom() {
    return stageFrom;
  }

  public String getStageTo() {
    return stageTo;
  }

  public UUID getByStaff() {
    return byStaff;
  }

  public String getByName() {
    return byName;
  }

  public String getText() {
    return text;
  }
}

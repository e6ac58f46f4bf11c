package org.schoolgate.attendance.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.schoolgate.platform.persistence.BaseEntity;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * A stage change the rules recommend for a pupil, waiting for a member of staff to confirm or
 * decline it (attendance rules §5.1: recommendations only; never automatic for pupils with an
 * EHCP, SEN support, a child protection or child in need plan, or who are looked after).
 */
@Entity
@Table(name = "stage_recommendation")
public class RecommendedTransition extends BaseEntity {

  public enum Status {
    PENDING,
    CONFIRMED,
    DECLINED,
    /** The figures moved on before anyone decided; a newer recommendation replaced it. */
    SUPERSEDED
  }

  @Column(name = "pupil_id", nullable = false, updatable = false)
  private UUID pupilId;

  @Column(name = "school_id", nullable = false, updatable = false)
  private UUID schoolId;

  @Column(name = "current_stage", nullable = false, updatable = false)
  private String currentStage;

  @Column(name = "recommended_stage", nullable = false, updatable = false)
  private String recommendedStage;

  @Column(name = "figures", nullable = false, updatable = false)
  private String figures;

  @Column(name = "reasons", nullable = false, updatable = false)
  private String reasons;

  @Column(name = "needs_human_decision", nullable = false, updatable = false)
  private boolean needsHumanDecision;

  @Column(name = "automatic_allowed", nullable = false, updatable = false)
  private boolean automaticAllowed;

  @Column(name = "held", nullable = false, updatable = false)
  private boolean held;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(name = "status", nullable = false)
  private Status status = Status.PENDING;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "decided_by")
  private UUID decidedBy;

  @Column(name = "decided_at")
  private OffsetDateTime decidedAt;

  @Column(name = "decision_reason")
  private String decisionReason;

  protected RecommendedTransition() {}

  public RecommendedTransition(
      UUID pupilId,
      UUID schoolId,
      String currentStage,
      String recommendedStage,
      String figures,
      String reasons,
      boolean needsHumanDecision,
      boolean automaticAllowed,
      boolean held,
      OffsetDateTime createdAt) {
    this.pupilId = pupilId;
    this.schoolId = schoolId;
    this.currentStage = currentStage;
    this.recommendedStage = recommendedStage;
    this.figures = figures;
    this.reasons = reasons;
    this.needsHumanDecision = needsHumanDecision;
    this.automaticAllowed = automaticAllowed;
    this.held = held;
    this.createdAt = createdAt;
  }

  public void confirm(UUID by, String reason, OffsetDateTime at) {
    decide(Status.CONFIRMED, by, reason, at);
  }

  public void decline(UUID by, String reason, OffsetDateTime at) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "Say why the recommended stage is not right for this pupil");
    }
    decide(Status.DECLINED, by, reason, at);
  }

  public void supersede(OffsetDateTime at) {
    if (status == Status.PENDING) {
      this.status = Status.SUPERSEDED;
      this.decidedAt = at;
    }
  }

  private void decide(Status outcome, UUID by, String reason, OffsetDateTime at) {
    if (status != Status.PENDING) {
      throw new InvalidInputException("status", "This recommendation has already been decided");
    }
    this.status = outcome;
    this.decidedBy = by;
    this.decisionReason = reason == null || reason.isBlank() ? null : reason.trim();
    this.decidedAt = at;
  }

  public UUID getPupilId() {
    return pupilId;
  }

  public UUID getSchoolId() {
    return schoolId;
  }

  public String getCurrentStage() {
    return currentStage;
  }

  public String getRecommendedStage() {
    return recommendedStage;
  }

  public String getFigures() {
    return figures;
  }

  public String getReasons() {
    return reasons;
  }

  public boolean isNeedsHumanDecision() {
    return needsHumanDecision;
  }

  public boolean isAutomaticAllowed() {
    return automaticAllowed;
  }

  public boolean isHeld() {
    return held;
  }

  public Status getStatus() {
    return status;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public UUID getDecidedBy() {
    return decidedBy;
  }

  public OffsetDateTime getDecidedAt() {
    return decidedAt;
  }

  public String getDecisionReason() {
    return decisionReason;
  }
}

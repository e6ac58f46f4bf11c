package org.schoolgate.attendance.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.schoolgate.platform.persistence.BaseEntity;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * Work a trigger raised (attendance rules §4): what to do, for which pupil, by when and by whom,
 * and what was done. The dedupe key names the situation, so evaluating the rules again never
 * makes a second task for it.
 */
@Entity
@Table(name = "attendance_task")
public class AttendanceTask extends BaseEntity {

  @Column(name = "school_id", nullable = false, updatable = false)
  private UUID schoolId;

  @Column(name = "pupil_id", nullable = false, updatable = false)
  private UUID pupilId;

  @Column(name = "kind", nullable = false, updatable = false)
  private String kind;

  @Column(name = "rule_id", nullable = false, updatable = false)
  private String ruleId;

  @Column(name = "title", nullable = false)
  private String title;

  @Column(name = "dedupe_key", nullable = false, updatable = false)
  private String dedupeKey;

  @Column(name = "session_date")
  private LocalDate sessionDate;

  @Column(name = "due_date", nullable = false)
  private LocalDate dueDate;

  @Enumerated(EnumType.STRING)
  @Column(name = "owner_role", nullable = false)
  private StaffRole ownerRole;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private TaskStatus status = TaskStatus.OPEN;

  @Column(name = "provisional", nullable = false)
  private boolean provisional;

  @Column(name = "details", nullable = false)
  private String details;

  @Column(name = "outcome")
  private String outcome;

  @Column(name = "assigned_to")
  private UUID assignedTo;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  @Column(name = "completed_by")
  private UUID completedBy;

  protected AttendanceTask() {}

  public AttendanceTask(
      UUID schoolId,
      UUID pupilId,
      String kind,
      String ruleId,
      String title,
      String dedupeKey,
      LocalDate sessionDate,
      LocalDate dueDate,
      StaffRole ownerRole,
      boolean provisional,
      String details,
      OffsetDateTime createdAt) {
    this.schoolId = schoolId;
    this.pupilId = pupilId;
    this.kind = kind;
    this.ruleId = ruleId;
    this.title = title;
    this.dedupeKey = dedupeKey;
    this.sessionDate = sessionDate;
    this.dueDate = dueDate;
    this.ownerRole = ownerRole;
    this.provisional = provisional;
    this.details = details;
    this.createdAt = createdAt;
  }

  /** The rules saw the same situation again: keep the task, refresh what it says. */
  public void refresh(LocalDate dueDate, boolean provisional, String details) {
    if (status.isOpen()) {
      this.dueDate = dueDate;
      this.provisional = provisional;
      this.details = details;
    }
  }

  public void assignTo(UUID staffId) {
    this.assignedTo = staffId;
  }

  /** Done by a member of staff, with what was done. */
  public void complete(String outcome, UUID by, OffsetDateTime at) {
    if (outcome == null || outcome.isBlank()) {
      throw new InvalidInputException("outcome", "Say what was done before closing the task");
    }
    if (!status.isOpen()) {
      throw new InvalidInputException("status", "This task is already closed");
    }
    this.status = TaskStatus.DONE;
    this.outcome = outcome.trim();
    this.completedBy = by;
    this.completedAt = at;
  }

  /** The situation ended (the N was coded, the pupil is back) before anyone acted. */
  public void noLongerNeeded(String why, OffsetDateTime at) {
    if (status.isOpen()) {
      this.status = TaskStatus.NO_LONGER_NEEDED;
      this.outcome = why;
      this.completedAt = at;
    }
  }

  public boolean isOverdue(LocalDate today) {
    return status.isOpen() && today.isAfter(dueDate);
  }

  public UUID getSchoolId() {
    return schoolId;
  }

  public UUID getPupilId() {
    return pupilId;
  }

  public String getKind() {
    return kind;
  }

  public String getRuleId() {
    return ruleId;
  }

  public String getTitle() {
    return title;
  }

  public String getDedupeKey() {
    return dedupeKey;
  }

  public LocalDate getSessionDate() {
    return sessionDate;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public StaffRole getOwnerRole() {
    return ownerRole;
  }

  public TaskStatus getStatus() {
    return status;
  }

  public boolean isProvisional() {
    return provisional;
  }

  public String getDetails() {
    return details;
  }

  public String getOutcome() {
    return outcome;
  }

  public UUID getAssignedTo() {
    return assignedTo;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getCompletedAt() {
    return completedAt;
  }

  public UUID getCompletedBy() {
    return completedBy;
  }
}

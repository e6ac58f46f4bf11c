package org.schoolgate.attendance.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.schoolgate.platform.persistence.BaseEntity;

/**
 * A pupil's graduated-response case (attendance rules §5.1): the stage and when it was entered,
 * the lead professional and the figures that prompted the stage. Its chronology is the list of
 * {@link CaseEvent}s. Stages change only when a member of staff confirms a recommendation.
 */
@Entity
@Table(name = "attendance_case")
public class AttendanceCase extends BaseEntity {

  @Column(name = "pupil_id", nullable = false, updatable = false)
  private UUID pupilId;

  @Column(name = "school_id")
  private UUID schoolId;

  @Column(name = "stage_model", nullable = false)
  private String stageModel;

  @Column(name = "stage", nullable = false)
  private String stage;

  @Column(name = "stage_entered_on", nullable = false)
  private LocalDate stageEnteredOn;

  @Column(name = "lead_professional_id")
  private UUID leadProfessionalId;

  @Column(name = "triggering_figures")
  private String triggeringFigures;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at")
  private OffsetDateTime updatedAt;

  protected AttendanceCase() {}

  public AttendanceCase(UUID pupilId, UUID schoolId, String stageModel, String stage, LocalDate enteredOn, OffsetDateTime at) {
    this.pupilId = pupilId;
    this.schoolId = schoolId;
    this.stageModel = stageModel;
    this.stage = stage;
    this.stageEnteredOn = enteredOn;
    this.createdAt = at;
    this.updatedAt = at;
  }

  public void moveTo(String stage, LocalDate enteredOn, String triggeringFigures, OffsetDateTime at) {
    this.stage = stage;
    this.stageEnteredOn = enteredOn;
    this.triggeringFigures = triggeringFigures;
    this.updatedAt = at;
  }

  public void nameLeadProfessional(UUID staffId, OffsetDateTime at) {
    this.leadProfessionalId = staffId;
    this.updatedAt = at;
  }

  public UUID getPupilId() {
    return pupilId;
  }

  public UUID getSchoolId() {
    return schoolId;
  }

  public String getStageModel() {
    return stageModel;
  }

  public String getStage() {
    return stage;
  }

  public LocalDate getStageEnteredOn() {
    return stageEnteredOn;
  }

  public UUID getLeadProfessionalId() {
    return leadProfessionalId;
  }

  public String getTriggeringFigures() {
    return triggeringFigures;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}

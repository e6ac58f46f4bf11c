package org.schoolgate.platform.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One read of a pupil's record by a member of staff: who, which pupil, when, through what. */
@Entity
@Table(name = "access_audit")
public class AccessAuditEntry {

  @Id
  @Column(name = "id")
  private UUID id = UUID.randomUUID();

  @Column(name = "at", nullable = false)
  private OffsetDateTime at;

  @Column(name = "staff_member_id", nullable = false)
  private UUID staffMemberId;

  @Column(name = "pupil_id", nullable = false)
  private UUID pupilId;

  @Column(name = "resource", nullable = false)
  private String resource;

  protected AccessAuditEntry() {}

  public AccessAuditEntry(OffsetDateTime at, UUID staffMemberId, UUID pupilId, String resource) {
    this.at = at;
    this.staffMemberId = staffMemberId;
    this.pupilId = pupilId;
    this.resource = resource.length() > 120 ? resource.substring(0, 120) : resource;
  }

  public UUID getId() {
    return id;
  }

  public OffsetDateTime getAt() {
    return at;
  }

  public UUID getStaffMemberId() {
    return staffMemberId;
  }

  public UUID getPupilId() {
    return pupilId;
  }

  public String getResource() {
    return resource;
  }
}

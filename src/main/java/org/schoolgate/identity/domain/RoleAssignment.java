package org.schoolgate.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.StaffMember;
import org.schoolgate.platform.persistence.BaseEntity;
import org.schoolgate.platform.security.StaffRole;

/** One role held by a member of staff at one school. */
@Entity
@Table(name = "role_assignment")
public class RoleAssignment extends BaseEntity {

  @ManyToOne(optional = false)
  @JoinColumn(name = "staff_member_id")
  private StaffMember staffMember;

  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false)
  private StaffRole role;

  @ManyToOne(optional = false)
  @JoinColumn(name = "school_id")
  private School school;

  protected RoleAssignment() {}

  public RoleAssignment(StaffMember staffMember, StaffRole role, School school) {
    this.staffMember = staffMember;
    this.role = role;
    this.school = school;
  }

  public StaffMember getStaffMember() {
    return staffMember;
  }

  public StaffRole getRole() {
    return role;
  }

  public School getSchool() {
    return school;
  }
}

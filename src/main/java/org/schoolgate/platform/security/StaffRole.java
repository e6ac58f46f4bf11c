package org.schoolgate.platform.security;

/** What a member of staff does at a school; each assignment is scoped to one school. */
public enum StaffRole {
  OFFICE("Office"),
  ATTENDANCE_OFFICER("Attendance officer"),
  PASTORAL_LEAD("Pastoral lead / head of year"),
  TEACHER("Teacher / form tutor"),
  SENCO("SENCO"),
  DSL("Designated safeguarding lead"),
  HEADTEACHER("Headteacher (senior attendance champion)"),
  TRUST_ATTENDANCE_LEAD("Trust attendance lead"),
  ADMINISTRATOR("Administrator");

  private final String label;

  StaffRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Roles that see every pupil of the school; a teacher sees only their own groups. */
  public boolean seesWholeSchool() {
    return this != TEACHER;
  }
}

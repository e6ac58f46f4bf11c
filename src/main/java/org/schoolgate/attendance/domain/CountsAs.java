package org.schoolgate.attendance.domain;

/** How a session with a given code counts in the figures (attendance rules §3). */
public enum CountsAs {
  ATTENDED,
  AUTHORISED,
  UNAUTHORISED,
  /** Not a possible session: excluded from every figure. */
  NOT_COUNTED;

  public boolean isPossible() {
    return this != NOT_COUNTED;
  }

  public boolean isAbsence() {
    return this == AUTHORISED || this == UNAUTHORISED;
  }
}

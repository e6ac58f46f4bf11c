package org.schoolgate.attendance.domain;

/** Where a task the rules raised stands. */
public enum TaskStatus {
  OPEN,
  DONE,
  /** The situation resolved itself before anyone acted (the N was coded, the pupil came back). */
  NO_LONGER_NEEDED;

  public boolean isOpen() {
    return this == OPEN;
  }
}

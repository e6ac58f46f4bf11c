package org.schoolgate.demo;

/**
 * How a demo pupil attends this school year, in the DfE's bands: most attend 95% or more of their
 * sessions; persistently absent pupils miss 10% or more; severely absent pupils miss half or more.
 */
public enum AttendanceProfile {
  /** Attends 95% to 100% of sessions: the odd illness, appointment or late. */
  GOOD(95, 100),
  /**
   * Persistently absent: attends between 62% and 90% of sessions, from single days off (often a
   * Monday or a Friday), illness, a holiday in term time, lates after the register closed.
   */
  PERSISTENT(62, 90),
  /** Severely absent: attends half of sessions or fewer, with long unexplained runs. */
  SEVERE(15, 50);

  private final int lowestPercent;
  private final int highestPercent;

  AttendanceProfile(int lowestPercent, int highestPercent) {
    this.lowestPercent = lowestPercent;
    this.highestPercent = highestPercent;
  }

  /** The lowest attendance, in percent, a pupil of this profile is given. */
  public int lowestPercent() {
    return lowestPercent;
  }

  /** The highest attendance, in percent, a pupil of this profile is given. */
  public int highestPercent() {
    return highestPercent;
  }
}

package org.schoolgate.attendance.domain.response;

/** Why no stage is recommended from a pupil's figures yet (attendance rules §3.2). */
public enum Hold {
  NO_SESSIONS("No sessions recorded yet"),
  INSUFFICIENT_DATA("Insufficient data");

  private final String label;

  Hold(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

package org.schoolgate.attendance.domain.response;

/** A graduated-response letter (attendance rules §8.1); Letters 2 and 3 invite the family to a booked meeting. */
public enum Letter {
  LETTER_1("Letter 1", "Low Attendance Letter 1", false),
  LETTER_2("Letter 2", "Low Attendance Letter 2", true),
  LETTER_3("Letter 3", "Low Attendance Letter 3", true);

  private final String label;
  private final String title;
  private final boolean needsMeetingSlot;

  Letter(String label, String title, boolean needsMeetingSlot) {
    this.label = label;
    this.title = title;
    this.needsMeetingSlot = needsMeetingSlot;
  }

  public String label() {
    return label;
  }

  public String title() {
    return title;
  }

  /** Whether a meeting date and time must be booked before the letter can be generated. */
  public boolean needsMeetingSlot() {
    return needsMeetingSlot;
  }
}

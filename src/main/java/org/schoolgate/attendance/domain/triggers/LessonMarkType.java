package org.schoolgate.attendance.domain.triggers;

/** A lesson register mark (R1.5): not a statutory mark and never part of the percentage. */
public enum LessonMarkType {
  PRESENT,
  LATE,
  ABSENT;
}

package org.schoolgate.directory.domain;

/** The phase of education a school provides; secondary schools also take lesson registers. */
public enum Phase {
  PRIMARY,
  SECONDARY,
  ALL_THROUGH,
  SPECIAL;

  public boolean takesLessonRegisters() {
    return this == SECONDARY || this == ALL_THROUGH;
  }
}

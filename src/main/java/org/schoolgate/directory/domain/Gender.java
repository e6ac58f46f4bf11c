package org.schoolgate.directory.domain;

/** Gender as recorded in the school census. */
public enum Gender {
  FEMALE,
  MALE,
  OTHER;
}

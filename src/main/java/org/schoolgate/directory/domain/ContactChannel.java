package org.schoolgate.directory.domain;

/** How a guardian prefers to hear from the school. */
public enum ContactChannel {
  SMS,
  EMAIL,
  LETTER,
  APP;
}

package org.schoolgate.directory.domain;

/** A half-day: the morning or the afternoon session, each with its own statutory register. */
public enum Session {
  AM,
  PM;
}

package org.schoolgate.directory.domain;

/** Special educational needs status: none, SEN support (K) or an education, health and care plan. */
public enum SenStatus {
  NONE,
  K,
  EHCP;
}

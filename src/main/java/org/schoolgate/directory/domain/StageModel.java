package org.schoolgate.directory.domain;

/** Which graduated-response model a school follows (attendance rules §5). */
public enum StageModel {
  /** Expect & Monitor, Listen & Understand, Facilitate & Formalise, Formalise & Enforce, Enforcement. */
  FOUR_STAGE,
  /** Universal, Track 1 prevention, Track 2 intensive support. */
  TWIN_TRACK;
}

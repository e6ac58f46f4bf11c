package org.schoolgate.attendance.domain;

/** The statistical category of a register code (attendance rules §2). */
public enum CodeCategory {
  PRESENT,
  APPROVED_EDUCATIONAL_ACTIVITY,
  AUTHORISED,
  UNAUTHORISED,
  /** Not counted in possible sessions: D, X, Q, Y1 to Y7. */
  NOT_COUNTED,
  /** Administrative: Z (not yet on roll) and # (planned closure). */
  ADMIN,
  /** A pre-2024 code (F, H, J, old Y), accepted only for historic dates. */
  LEGACY;
}

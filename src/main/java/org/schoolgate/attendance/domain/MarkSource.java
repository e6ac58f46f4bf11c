package org.schoolgate.attendance.domain;

/** Where a statutory mark came from (attendance rules R1.4 keeps it with every change). */
public enum MarkSource {
  /** The school's MIS, through a CSV file or the bulk API. */
  IMPORT,
  /** A teacher or the office taking the register in Schoolgate. */
  REGISTER,
  /** The office correcting a mark (a call, a note, a late arrival at reception). */
  OFFICE,
  /** Another system through the REST API. */
  API;
}

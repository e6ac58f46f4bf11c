package org.schoolgate.attendance.imports;

import java.time.LocalDate;
import java.time.LocalTime;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * One register mark of a marks file: pupil (by UPN), date, session and code, with the optional
 * minutes late, arrival time and reason. {@link #parse} applies every check that needs only the
 * row itself; the pupil, the roll and duplicates are checked against the whole file in SQL.
 */
public record MarkRow(
    long line,
    String upn,
    LocalDate date,
    Session session,
    String code,
    Integer minutesLate,
    LocalTime arrivalTime,
    String reason) {

  /** The mark, or null when the row has problems (each added to {@code problems}). */
  public static MarkRow parse(ImportRow row, CodeBook codes, ImportProblems problems) {
    RowValues v = new RowValues(row, problems);
    String upn = v.upn();
    LocalDate date = v.date("date", true);
    Session session = v.choice("session", Session.class, true, "MORNING", "AM", "AFTERNOON", "PM");
    String code = v.required("code", 2);
    code = code == null ? null : code.toUpperCase(java.util.Locale.ROOT);
    if (code != null && date != null) {
      try {
        code = codes.forSession(code, date).code();
      } catch (InvalidInputException e) {
        v.problem("code " + e.getMessage());
        code = null;
      }
    } else if (code != null && codes.find(code).isEmpty()) {
      v.problem("code \"" + code + "\" is not a register code");
    }
    Integer minutesLate = v.integer("minutes_late", 0, 300, false);
    LocalTime arrival = v.time("arrival_time");
    String reason = v.text("reason", 300);
    return v.ok() ? new MarkRow(row.line(), upn, date, session, code, minutesLate, arrival, reason) : null;
  }
}

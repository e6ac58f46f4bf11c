package org.schoolgate.attendance.imports;

import java.time.LocalDate;
import org.schoolgate.directory.domain.CalendarClosure;
import org.schoolgate.directory.domain.ClosureKind;

/**
 * One line of a calendar file: a term (kind TERM) or a closure inside a term (HALF_TERM, INSET,
 * BANK_HOLIDAY, HOLIDAY, UNPLANNED), with its first and last day. Terms are matched by their first
 * day, closures by kind, first day and sessions.
 *
 * @param closureKind null for a term
 */
public record CalendarRow(
    long line, ClosureKind closureKind, String name, LocalDate firstDay, LocalDate lastDay, CalendarClosure.Sessions sessions) {

  /** The kind column's value for a term. */
  enum Kind {
    TERM,
    HALF_TERM,
    INSET,
    BANK_HOLIDAY,
    HOLIDAY,
    UNPLANNED
  }

  public boolean isTerm() {
    return closureKind == null;
  }

  /** The term or closure, or null when the row has problems (each added to {@code problems}). */
  public static CalendarRow parse(ImportRow row, ImportProblems problems) {
    RowValues v = new RowValues(row, problems);
    Kind kind = v.choice("kind", Kind.class, true, "INSET_DAY", "INSET", "CLOSURE", "UNPLANNED");
    String name = v.text("name", kind == Kind.TERM ? 60 : 200);
    LocalDate first = v.date("first_day", true);
    LocalDate last = v.date("last_day", true);
    CalendarClosure.Sessions sessions = v.choice("sessions", CalendarClosure.Sessions.class, false);
    if (first != null && last != null && last.isBefore(first)) {
      v.problem("last_day " + last + " is before first_day " + first);
    }
    if (kind == Kind.TERM && name == null && v.ok()) {
      v.problem("name is missing (a term needs a name, such as Autumn 2025)");
    }
    if (kind == Kind.TERM && sessions != null && sessions != CalendarClosure.Sessions.BOTH) {
      v.problem("sessions applies to closures only; a term covers both sessions");
    }
    if (!v.ok()) {
      return null;
    }
    ClosureKind closure = kind == Kind.TERM ? null : ClosureKind.valueOf(kind.name());
    String description = name != null ? name : closure.label();
    return new CalendarRow(row.line(), closure, description, first, last, sessions == null ? CalendarClosure.Sessions.BOTH : sessions);
  }
}

package org.schoolgate.attendance.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values of one row, adding a line-numbered problem for each value that is missing or
 * malformed. Methods return null for a bad or absent value; {@link #ok()} tells whether the row
 * may be used.
 */
final class RowValues {

  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern UK_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
  private static final Pattern UPN = Pattern.compile("[A-Z][0-9]{11}[0-9A-Z]");

  private final ImportRow row;
  private final ImportProblems problems;
  private boolean ok = true;

  RowValues(ImportRow row, ImportProblems problems) {
    this.row = row;
    this.problems = problems;
  }

  long line() {
    return row.line();
  }

  boolean ok() {
    return ok;
  }

  void problem(String message) {
    ok = false;
    problems.add(row.line(), message);
  }

  String text(String column, int maxLength) {
    String v = row.get(column);
    if (v != null && v.length() > maxLength) {
      problem(column + " is longer than " + maxLength + " characters");
      return null;
    }
    return v;
  }

  String required(String column, int maxLength) {
    if (row.get(column) == null) {
      problem(column + " is missing");
      return null;
    }
    return text(column, maxLength);
  }

  /** A 13-character unique pupil number, upper-cased. */
  String upn() {
    String v = required("upn", 20);
    if (v == null) {
      return null;
    }
    String upper = v.toUpperCase(Locale.ROOT);
    if (!UPN.matcher(upper).matches()) {
      problem("upn \"" + v + "\" is not a 13-character UPN (a letter and 12 digits, or 11 digits and a letter)");
      return null;
    }
    return upper;
  }

  /** A date written 2025-09-03 or 03/09/2025. */
  LocalDate date(String column, boolean required) {
    String v = required ? required(column, 20) : text(column, 20);
    if (v == null) {
      return null;
    }
    try {
      Matcher iso = ISO_DATE.matcher(v);
      if (iso.matches()) {
        return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
      }
      Matcher uk = UK_DATE.matcher(v);
      if (uk.matches()) {
        return LocalDate.of(Integer.parseInt(uk.group(3)), Integer.parseInt(uk.group(2)), Integer.parseInt(uk.group(1)));
      }
    } catch (DateTimeException e) {
      problem(column + " \"" + v + "\" is not a real date");
      return null;
    }
    problem(column + " \"" + v + "\" is not a date like 2025-09-03 or 03/09/2025");
    return null;
  }

  /** A time of day written HH:MM (24-hour). */
  LocalTime time(String column) {
    String v = text(column, 10);
    if (v == null) {
      return null;
    }
    Matcher m = TIME.matcher(v);
    if (!m.matches()) {
      problem(column + " \"" + v + "\" is not a time like 09:05 (HH:MM, 24-hour)");
      return null;
    }
    return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  Integer integer(String column, int min, int max, boolean required) {
    String v = required ? required(column, 12) : text(column, 12);
    if (v == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(column + " \"" + v + "\" is not a whole number from " + min + " to " + max);
    return null;
  }

  /** yes/no, true/false, y/n or 1/0; absent optional values read as false. */
  Boolean yesNo(String column, boolean required) {
    String v = required ? required(column, 10) : text(column, 10);
    if (v == null) {
      return required ? null : Boolean.FALSE;
    }
    switch (v.toLowerCase(Locale.ROOT)) {
      case "yes", "y", "true", "t", "1":
        return Boolean.TRUE;
      case "no", "n", "false", "f", "0":
        return Boolean.FALSE;
      default:
        problem(column + " \"" + v + "\" is not yes or no");
        return null;
    }
  }

  /** One of the enum's names (case-insensitive), or an alias. */
  <E extends Enum<E>> E choice(String column, Class<E> type, boolean required, String... aliases) {
    String v = required ? required(column, 40) : text(column, 40);
    if (v == null) {
      return null;
    }
    String key = v.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (int i = 0; i + 1 < aliases.length; i += 2) {
      if (aliases[i].equals(key)) {
        key = aliases[i + 1];
      }
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(key)) {
        return e;
      }
    }
    StringBuilder names = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      names.append(names.length() == 0 ? "" : ", ").append(e.name());
    }
    problem(column + " \"" + v + "\" is not one of " + names);
    return null;
  }
}

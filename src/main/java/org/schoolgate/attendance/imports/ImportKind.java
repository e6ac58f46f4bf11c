package org.schoolgate.attendance.imports;

import java.util.List;
import java.util.Locale;
import org.schoolgate.platform.validation.InvalidInputException;

/** What a file holds, with the columns its header must name and those it may name (docs/import-formats.md). */
public enum ImportKind {
  PUPILS(
      "pupils",
      List.of("upn", "legal_first_name", "legal_last_name", "date_of_birth", "year_group", "gender", "on_roll_from"),
      List.of(
          "preferred_first_name", "preferred_last_name", "on_roll_to", "sen_status", "group", "pupil_premium", "eal",
          "looked_after", "social_worker", "child_in_need", "child_protection", "dual_registered")),
  GUARDIANS(
      "guardians",
      List.of(
          "upn", "first_name", "last_name", "relationship", "parental_responsibility", "lives_with_pupil",
          "contact_priority"),
      List.of("title", "mobile", "landline", "email", "language", "preferred_channel")),
  CALENDAR("calendar", List.of("kind", "first_day", "last_day"), List.of("name", "sessions")),
  MARKS(
      "marks",
      List.of("upn", "date", "session", "code"),
      List.of("minutes_late", "arrival_time", "reason"));

  private final String label;
  private final List<String> required;
  private final List<String> optional;

  ImportKind(String label, List<String> required, List<String> optional) {
    this.label = label;
    this.required = required;
    this.optional = optional;
  }

  /** The word used in URLs, file names and messages: pupils, guardians, calendar, marks. */
  public String label() {
    return label;
  }

  public List<String> required() {
    return required;
  }

  public List<String> optional() {
    return optional;
  }

  /** The kind named in a URL or form ("marks", "MARKS"). */
  public static ImportKind of(String name) {
    if (name != null) {
      for (ImportKind k : values()) {
        if (k.label.equals(name.trim().toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
    }
    throw new InvalidInputException("kind", "kind: \"" + name + "\" is not one of pupils, guardians, calendar, marks");
  }
}

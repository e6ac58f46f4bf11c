package org.schoolgate.attendance.imports;

import java.util.Locale;
import java.util.Map;

/**
 * One row of an import, from a CSV line or a JSON object: values by column name. Blank values read
 * as absent.
 *
 * @param line the CSV line the row starts on, or the position of the object in the JSON array
 */
public record ImportRow(long line, Map<String, Integer> columns, String[] values) {

  /** The trimmed value of a column, or null when the column is absent or blank. */
  public String get(String column) {
    Integer i = columns.get(column);
    if (i == null || i >= values.length || values[i] == null) {
      return null;
    }
    String v = values[i].trim();
    return v.isEmpty() ? null : v;
  }

  /**
   * A header or JSON name in the form the formats use: lower case, words joined by underscores
   * ("Minutes late", "minutesLate" and "minutes-late" all read as "minutes_late").
   */
  public static String columnName(String name) {
    String spaced = name.trim().replaceAll("([a-z0-9])([A-Z])", "$1_$2");
    return spaced.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
  }
}

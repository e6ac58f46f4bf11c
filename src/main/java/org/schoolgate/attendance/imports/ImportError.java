package org.schoolgate.attendance.imports;

/**
 * One reason an import was refused, with the line of the CSV file (or the item of a JSON array) it
 * concerns; line 0 means the file as a whole.
 */
public record ImportError(long line, String message) implements Comparable<ImportError> {

  @Override
  public int compareTo(ImportError other) {
    return Long.compare(line, other.line);
  }

  /** "line 12: ..." (or "item 12: ..." for JSON), or the bare message for the whole file. */
  public String describe(String unit) {
    return line <= 0 ? message : unit + " " + line + ": " + message;
  }
}

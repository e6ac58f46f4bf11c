package org.schoolgate.attendance.imports;

import java.util.List;
import java.util.UUID;

/**
 * What an import did: applied in full, or refused with nothing applied and the first errors (by
 * line) plus the total count.
 *
 * @param unit what a position is called in the errors ("line" for CSV, "item" for JSON)
 */
public record ImportResult(
    UUID runId,
    ImportKind kind,
    String fileName,
    boolean applied,
    long rowsRead,
    long rowsApplied,
    List<ImportError> errors,
    long errorCount,
    String unit) {

  public ImportResult {
    errors = List.copyOf(errors);
  }

  /** The errors as people read them: "line 12: code \"F\" is a historic code ...". */
  public List<String> describedErrors() {
    return errors.stream().map(e -> e.describe(unit)).toList();
  }

  /** One sentence for a screen or a log line. */
  public String summary() {
    if (applied) {
      return "Imported " + kind.label() + ": " + rowsRead + " rows read, " + rowsApplied + " added or changed.";
    }
    return "Nothing was imported: "
        + errorCount
        + (errorCount == 1 ? " problem" : " problems")
        + " in "
        + rowsRead
        + " rows. Correct the file and import it again.";
  }
}

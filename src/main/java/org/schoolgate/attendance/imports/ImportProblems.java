package org.schoolgate.attendance.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The errors found in one file: every one is counted, the first {@link #limit} (by the order they
 * were found) are kept with their line numbers, so a file with a million bad lines still reports
 * in constant memory.
 */
public final class ImportProblems {

  public static final int DEFAULT_LIMIT = 100;

  private final int limit;
  private final List<ImportError> kept = new ArrayList<>();
  private long total;

  public ImportProblems() {
    this(DEFAULT_LIMIT);
  }

  public ImportProblems(int limit) {
    this.limit = limit;
  }

  public void add(long line, String message) {
    add(new ImportError(line, message));
  }

  public void add(ImportError error) {
    total++;
    if (kept.size() < limit) {
      kept.add(error);
    }
  }

  /** Counts errors found by a query that returned only the first few of them. */
  public void addCounted(List<ImportError> first, long count) {
    for (ImportError e : first) {
      if (kept.size() < limit) {
        kept.add(e);
      }
    }
    total += count;
  }

  public boolean isEmpty() {
    return total == 0;
  }

  public long total() {
    return total;
  }

  public int limit() {
    return limit;
  }

  /** The kept errors, in line order. */
  public List<ImportError> first() {
    List<ImportError> sorted = new ArrayList<>(kept);
    Collections.sort(sorted);
    return List.copyOf(sorted);
  }
}

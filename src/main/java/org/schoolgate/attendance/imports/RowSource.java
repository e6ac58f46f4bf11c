package org.schoolgate.attendance.imports;

import java.io.IOException;

/** Rows of one import, read one at a time from a CSV file or a JSON array. */
interface RowSource extends AutoCloseable {

  /**
   * The next row, or null when there are no more (or the rest cannot be read). Problems with the
   * file's structure (missing column, cut-off line, malformed JSON) go to {@code problems}.
   */
  ImportRow next(ImportProblems problems) throws IOException;

  /** What a position is called in messages: "line" for CSV, "item" for JSON. */
  String unit();

  @Override
  void close() throws IOException;
}

package org.schoolgate.attendance.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a CSV file whose first line names the columns. Columns may come in any order;
 * columns the kind does not use are ignored; a missing required column refuses the file. Every
 * line must have as many fields as the header: a shorter one is usually a line cut off.
 */
final class CsvRowSource implements RowSource {

  private final CsvReader reader;
  private final ImportKind kind;
  private Map<String, Integer> columns;
  private int width;
  private boolean finished;

  CsvRowSource(InputStream in, ImportKind kind) {
    this.reader = new CsvReader(in);
    this.kind = kind;
  }

  @Override
  public ImportRow next(ImportProblems problems) throws IOException {
    if (finished) {
      return null;
    }
    try {
      if (columns == null && !readHeader(problems)) {
        finished = true;
        return null;
      }
      while (true) {
        CsvReader.CsvRecord record = reader.next();
        if (record == null) {
          finished = true;
          return null;
        }
        if (record.fields().length != width) {
          problems.add(
              record.line(),
              "expected "
                  + width
                  + " fields as in the header but found "
                  + record.fields().length
                  + (record.complete()
                      ? " (a value with a comma needs double quotes)"
                      : "; the file ends in the middle of this line, so it was probably cut off"));
          continue;
        }
        return new ImportRow(record.line(), columns, record.fields());
      }
    } catch (CsvReader.Unreadable e) {
      problems.add(e.line(), e.getMessage());
      finished = true;
      return null;
    }
  }

  private boolean readHeader(ImportProblems problems) throws IOException {
    CsvReader.CsvRecord header = reader.next();
    if (header == null) {
      problems.add(0, "The file is empty: the first line must name the columns (" + String.join(", ", kind.required()) + ")");
      return false;
    }
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < header.fields().length; i++) {
      String name = ImportRow.columnName(header.fields()[i]);
      if (!name.isEmpty() && byName.putIfAbsent(name, i) != null) {
        problems.add(header.line(), "the column \"" + name + "\" appears twice in the header");
      }
    }
    List<String> missing = kind.required().stream().filter(c -> !byName.containsKey(c)).toList();
    for (String column : missing) {
      problems.add(
          header.line(),
          "the column \""
              + column
              + "\" is missing from the header; a "
              + kind.label()
              + " file needs "
              + String.join(", ", kind.required()));
    }
    columns = Map.copyOf(byName);
    width = header.fields().length;
    return missing.isEmpty() && problems.isEmpty();
  }

  @Override
  public String unit() {
    return "line";
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}

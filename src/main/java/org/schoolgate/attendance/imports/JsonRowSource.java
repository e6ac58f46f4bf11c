package org.schoolgate.attendance.imports;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a JSON array of flat objects ({@code [{"upn": "...", "date": "2025-09-03", ...}]}),
 * read with the streaming parser, one object at a time. Property names are the CSV column names
 * (camelCase is accepted too); values are strings, numbers, booleans or null.
 */
final class JsonRowSource implements RowSource {

  private final JsonParser parser;
  private boolean started;
  private boolean finished;
  private long item;

  JsonRowSource(InputStream in) {
    this.parser = Json.createParser(in);
  }

  @Override
  public ImportRow next(ImportProblems problems) throws IOException {
    if (finished) {
      return null;
    }
    try {
      if (!started) {
        started = true;
        if (!parser.hasNext() || parser.next() != JsonParser.Event.START_ARRAY) {
          problems.add(0, "The body must be a JSON array of objects, one for each row");
          finished = true;
          return null;
        }
      }
      while (true) {
        if (!parser.hasNext()) {
          problems.add(item + 1, "the JSON array is not closed (the body may be cut off)");
          finished = true;
          return null;
        }
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.END_ARRAY) {
          finished = true;
          return null;
        }
        item++;
        if (event != JsonParser.Event.START_OBJECT) {
          problems.add(item, "expected an object with the row's values");
          if (event == JsonParser.Event.START_ARRAY) {
            parser.skipArray();
          }
          continue;
        }
        ImportRow row = object(problems);
        if (row != null) {
          return row;
        }
      }
    } catch (JsonParsingException e) {
      problems.add(Math.max(item, 1), "the JSON is malformed or cut off (" + e.getMessage() + ")");
      finished = true;
      return null;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private ImportRow object(ImportProblems problems) {
    Map<String, Integer> columns = new HashMap<>();
    List<String> values = new ArrayList<>();
    boolean ok = true;
    String name = null;
    while (true) {
      JsonParser.Event event = parser.next();
      switch (event) {
        case END_OBJECT -> {
          return ok ? new ImportRow(item, columns, values.toArray(String[]::new)) : null;
        }
        case KEY_NAME -> name = ImportRow.columnName(parser.getString());
        case VALUE_STRING, VALUE_NUMBER -> put(columns, values, name, parser.getString());
        case VALUE_TRUE -> put(columns, values, name, "true");
        case VALUE_FALSE -> put(columns, values, name, "false");
        case VALUE_NULL -> put(columns, values, name, null);
        case START_OBJECT, START_ARRAY -> {
          problems.add(item, "\"" + name + "\" must be a single value, not a list or an object");
          ok = false;
          if (event == JsonParser.Event.START_OBJECT) {
            parser.skipObject();
          } else {
            parser.skipArray();
          }
        }
        default -> throw new JsonParsingException("unexpected " + event, parser.getLocation());
      }
    }
  }

  private static void put(Map<String, Integer> columns, List<String> values, String name, String value) {
    columns.put(name, values.size());
    values.add(value);
  }

  @Override
  public String unit() {
    return "item";
  }

  @Override
  public void close() {
    parser.close();
  }
}

package org.schoolgate.attendance.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: comma-separated, fields in double quotes may hold commas, line breaks and
 * doubled quotes) one record at a time, never holding more than one record. A UTF-8 byte-order
 * mark is skipped; bytes that are not UTF-8 are refused. Each record knows the line it starts on.
 */
final class CsvReader implements AutoCloseable {

  /** One record: the line it starts on and its fields; {@code complete} is false when the file ends without a line break after it. */
  record CsvRecord(long line, String[] fields, boolean complete) {}

  /** The file cannot be read on from here (an unterminated quote, bytes that are not UTF-8). */
  static final class Unreadable extends IOException {
    private final long line;

    Unreadable(long line, String message) {
      super(message);
      this.line = line;
    }

    long line() {
      return line;
    }
  }

  private final Reader in;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private long line = 1;
  private boolean started;
  private final StringBuilder field = new StringBuilder(64);
  private final List<String> fields = new ArrayList<>(16);

  CsvReader(InputStream bytes) {
    this.in =
        new InputStreamReader(
            bytes,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /** The next non-blank record, or null at the end of the file. */
  CsvRecord next() throws IOException {
    while (true) {
      int c = read();
      if (c < 0) {
        return null;
      }
      if (c == '\n') {
        line++;
        continue;
      }
      if (c == '\r') {
        continue;
      }
      return record(c);
    }
  }

  private CsvRecord record(int first) throws IOException {
    long start = line;
    fields.clear();
    field.setLength(0);
    int c = first;
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (quoted) {
        if (c < 0) {
          throw new Unreadable(start, "a quoted field is not closed before the end of the file (the file may be cut off)");
        }
        if (c == '"') {
          int next = read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = next;
            continue;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c < 0 || c == '\n') {
        fields.add(field.toString());
        if (c == '\n') {
          line++;
        }
        return new CsvRecord(start, fields.toArray(String[]::new), c == '\n');
      } else if (c == '\r') {
        // part of a CRLF line break, or a stray carriage return: either way not data
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  private int read() throws IOException {
    if (position == limit) {
      try {
        limit = in.read(buffer, 0, buffer.length);
      } catch (CharacterCodingException e) {
        throw new Unreadable(line, "the file is not UTF-8 text (save it from the MIS or spreadsheet as \"CSV UTF-8\")");
      }
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    char c = buffer[position++];
    if (!started) {
      started = true;
      if (c == '\uFEFF') {
        return read();
      }
    }
    return c;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

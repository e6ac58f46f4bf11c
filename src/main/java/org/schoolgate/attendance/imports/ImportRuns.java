package org.schoolgate.attendance.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The history of imports ({@code import_run}): a row is written when a run starts (status
 * RUNNING) and completed when it ends, in its own short transactions, so a run that fails or is
 * cut off still shows. Errors are kept as text: a first line with the count, then one a line.
 */
public final class ImportRuns {

  /** The state of a run. */
  public enum Status {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  /** One past run, as the history screen and endpoint show it. */
  public record Run(
      UUID id,
      ImportKind kind,
      String fileName,
      OffsetDateTime startedAt,
      OffsetDateTime finishedAt,
      Status status,
      long rowsRead,
      long rowsApplied,
      long errorCount,
      List<String> errors,
      String runBy) {}

  private static final int ERRORS_TEXT_MAX = 20_000;
  private static final Pattern COUNT = Pattern.compile("^(\\d+) errors?");

  private ImportRuns() {}

  static UUID start(Connection c, UUID schoolId, ImportKind kind, String fileName, ImportActor actor, OffsetDateTime now)
      throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into import_run (id, school_id, kind, file_name, started_at, status, rows_read, rows_applied, run_by)"
                + " values (?, ?, ?, ?, ?, 'RUNNING', 0, 0, ?)")) {
      StagingSql.bind(s, id, schoolId, kind.name(), MarkTarget.truncate(fileName, 260), now, MarkTarget.truncate(actor.name(), 200));
      s.executeUpdate();
    }
    return id;
  }

  static void finish(Connection c, UUID runId, ImportResult result, OffsetDateTime now) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "update import_run set finished_at = ?, status = ?, rows_read = ?, rows_applied = ?, errors = ? where id = ?")) {
      StagingSql.bind(
          s, now, (result.applied() ? Status.SUCCEEDED : Status.FAILED).name(), result.rowsRead(), result.rowsApplied(),
          errorsText(result), runId);
      s.executeUpdate();
    }
  }

  /** Marks a run that stopped on an unexpected failure (database down, upload broken off). */
  static void failed(Connection c, UUID runId, String reason, OffsetDateTime now) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("update import_run set finished_at = ?, status = 'FAILED', errors = ? where id = ?")) {
      StagingSql.bind(s, now, "1 error\n" + MarkTarget.truncate(reason, 1000), runId);
      s.executeUpdate();
    }
  }

  static String errorsText(ImportResult result) {
    if (result.errorCount() == 0) {
      return null;
    }
    StringBuilder text = new StringBuilder(result.errorCount() + (result.errorCount() == 1 ? " error" : " errors"));
    for (String e : result.describedErrors()) {
      if (text.length() + e.length() + 1 > ERRORS_TEXT_MAX) {
        break;
      }
      text.append('\n').append(e);
    }
    return text.toString();
  }

  /** The school's latest runs, newest first. */
  public static List<Run> history(Connection c, UUID schoolId, int limit) throws SQLException {
    List<Run> runs = new ArrayList<>();
    try (PreparedStatement s =
        StagingSql.bind(
            c.prepareStatement(
                "select id, kind, file_name, started_at, finished_at, status, rows_read, rows_applied, errors, run_by"
                    + " from import_run where school_id = ? order by started_at desc fetch first ? rows only"),
            schoolId,
            limit);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String errors = rs.getString(9);
        List<String> lines = errors == null ? List.of() : List.of(errors.split("\n"));
        long count = 0;
        if (!lines.isEmpty()) {
          Matcher m = COUNT.matcher(lines.get(0));
          count = m.find() ? Long.parseLong(m.group(1)) : lines.size();
          lines = lines.subList(1, lines.size());
        }
        runs.add(
            new Run(
                rs.getObject(1, UUID.class), ImportKind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
                Status.valueOf(rs.getString(6)), rs.getLong(7), rs.getLong(8), count, lines, rs.getString(10)));
      }
    }
    return runs;
  }
}

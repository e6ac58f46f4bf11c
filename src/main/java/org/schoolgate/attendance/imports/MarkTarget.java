package org.schoolgate.attendance.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.schoolgate.attendance.domain.CodeBook;

/**
 * Marks: staged with COPY on PostgreSQL (a JDBC batch on H2), checked and merged set-based. A mark
 * whose code changes gets a {@code mark_amendment} row with the old and new code first, so the
 * register's history is never lost; unchanged marks are not touched, so importing a file again
 * changes nothing.
 */
final class MarkTarget implements ImportTarget {

  static final String STAGE = "import_mark_stage";

  private static final String COLUMNS =
      "line bigint not null, upn varchar(13) not null, session_date date not null, session varchar(2) not null,"
          + " code varchar(2) not null, minutes_late integer, arrival_time time, reason varchar(300)";

  /** Stage rows joined to the school's pupils; the school id is the first parameter. */
  private static final String STAGED_WITH_PUPIL =
      " from " + STAGE + " s join pupil p on p.school_id = ? and p.upn = s.upn";

  private static final List<String> KEY = List.of("upn", "session_date", "session");

  private final Connection connection;
  private final ImportDialect dialect;
  private final UUID schoolId;
  private final CodeBook codes;
  private Writer copy;
  private PGCopyOutputStream copyStream;
  private StagingSql.Batch batch;

  MarkTarget(Connection connection, ImportDialect dialect, UUID schoolId, CodeBook codes) throws SQLException {
    this.connection = connection;
    this.dialect = dialect;
    this.schoolId = schoolId;
    this.codes = codes;
    StagingSql.execute(connection, dialect.createStagingTable(STAGE, COLUMNS));
    if (dialect == ImportDialect.POSTGRESQL && connection.isWrapperFor(PGConnection.class)) {
      // Aggregates over millions of staged rows stay in the server's memory, not on disk.
      StagingSql.execute(connection, "set local work_mem = '256MB'");
      PGConnection pg = connection.unwrap(PGConnection.class);
      copyStream = new PGCopyOutputStream(pg, "copy " + STAGE + " from stdin (format text)", 1 << 16);
      copy = new BufferedWriter(new OutputStreamWriter(copyStream, StandardCharsets.UTF_8), 1 << 16);
    } else {
      batch =
          new StagingSql.Batch(
              connection,
              "insert into " + STAGE + " (line, upn, session_date, session, code, minutes_late, arrival_time, reason)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?)");
    }
  }

  @Override
  public void add(ImportRow row, ImportProblems problems) throws SQLException {
    MarkRow m = MarkRow.parse(row, codes, problems);
    if (m == null) {
      return;
    }
    if (copy != null) {
      try {
        copy.write(Long.toString(m.line()));
        field(m.upn());
        field(m.date().toString());
        field(m.session().name());
        field(m.code());
        field(m.minutesLate() == null ? null : m.minutesLate().toString());
        field(m.arrivalTime() == null ? null : m.arrivalTime().toString());
        field(m.reason());
        copy.write('\n');
      } catch (IOException e) {
        throw copyFailed(e);
      }
    } else {
      batch.add(
          m.line(), m.upn(), m.date(), m.session().name(), m.code(), m.minutesLate(), m.arrivalTime(), m.reason());
    }
  }

  /** One value in COPY's text format: tab-separated, \N for null, backslash escapes. */
  private void field(String value) throws IOException {
    copy.write('\t');
    if (value == null) {
      copy.write("\\N");
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> copy.write("\\\\");
        case '\t' -> copy.write("\\t");
        case '\n' -> copy.write("\\n");
        case '\r' -> copy.write("\\r");
        default -> copy.write(c);
      }
    }
  }

  private static SQLException copyFailed(IOException e) {
    return e.getCause() instanceof SQLException sql ? sql : new SQLException("COPY into the staging table failed", e);
  }

  @Override
  public void endOfRows() throws SQLException {
    try {
      if (copy != null) {
        copy.close();
        copy = null;
      }
    } catch (IOException e) {
      throw copyFailed(e);
    } catch (UncheckedIOException e) {
      throw copyFailed(e.getCause());
    }
    if (batch != null) {
      batch.close();
      batch = null;
    }
    if (dialect == ImportDialect.POSTGRESQL) {
      StagingSql.execute(connection, "analyze " + STAGE);
    }
  }

  @Override
  public void abort() {
    if (copyStream != null && copyStream.isActive()) {
      try {
        copyStream.cancelCopy();
      } catch (SQLException e) {
        // the transaction is rolled back next either way
      }
    }
  }

  @Override
  public void check(ImportProblems problems) throws SQLException {
    StagingSql.reportUnknownUpns(connection, problems, STAGE, schoolId);
    String offRoll = " where s.session_date < p.on_roll_from or s.session_date > p.on_roll_to";
    StagingSql.report(
        connection,
        problems,
        "select count(*)" + STAGED_WITH_PUPIL + offRoll,
        "select s.line, s.upn, s.session_date, p.on_roll_from, p.on_roll_to"
            + STAGED_WITH_PUPIL + offRoll + " order by s.line fetch first ? rows only",
        rs ->
            new ImportError(
                rs.getLong(1),
                "the date "
                    + rs.getObject(3, java.time.LocalDate.class)
                    + " is outside the roll of the pupil with UPN "
                    + rs.getString(2)
                    + " (on roll from "
                    + rs.getObject(4, java.time.LocalDate.class)
                    + (rs.getObject(5) == null ? "" : " to " + rs.getObject(5, java.time.LocalDate.class))
                    + ")"),
        schoolId);
    // min and max rather than count(distinct): PostgreSQL can hash-aggregate them over millions of rows.
    StagingSql.reportRepeats(
        connection,
        problems,
        STAGE,
        KEY,
        ", min(code) low, max(code) high",
        "low <> high",
        "upn, session_date, session, low, high",
        rs ->
            new ImportError(
                rs.getLong(1),
                "UPN "
                    + rs.getString(3)
                    + " has another mark for "
                    + rs.getObject(4, java.time.LocalDate.class)
                    + " "
                    + rs.getString(5)
                    + " on line "
                    + rs.getLong(2)
                    + " with a different code ("
                    + rs.getString(6)
                    + " and "
                    + rs.getString(7)
                    + "); keep one of them"));
    String repeated = StagingSql.repeatedGroups(STAGE, KEY, "");
    if (problems.isEmpty() && StagingSql.count(connection, "select count(*) from (" + repeated + ") d") > 0) {
      // The same mark twice with the same code: keep the first line's.
      StagingSql.execute(
          connection,
          "delete from " + STAGE + " s where exists (select 1 from " + STAGE + " t where t.upn = s.upn"
              + " and t.session_date = s.session_date and t.session = s.session and t.line < s.line)");
    }
  }

  @Override
  public long apply(ImportActor actor, OffsetDateTime now, String fileName) throws SQLException {
    try (PreparedStatement amend =
        connection.prepareStatement(
            "insert into mark_amendment (id, pupil_id, session_date, session, original_code, new_code, reason,"
                + " amended_by, amended_by_name, amended_by_position, amended_at, source)"
                + " select gen_random_uuid(), m.pupil_id, m.session_date, m.session, m.code, s.code, ?, ?, ?, ?, ?, 'IMPORT'"
                + STAGED_WITH_PUPIL
                + " join attendance_mark m on m.pupil_id = p.id and m.session_date = s.session_date"
                + " and m.session = s.session where m.code <> s.code")) {
      StagingSql.bind(amend, truncate("MIS import " + fileName, 300), actor.staffId(), actor.name(), actor.position(), now, schoolId);
      amend.executeUpdate();
    }
    String changed =
        "m.code <> s.code or m.minutes_late is distinct from s.minutes_late"
            + " or m.arrival_time is distinct from s.arrival_time or m.reason is distinct from s.reason";
    String sql =
        dialect == ImportDialect.POSTGRESQL
            ? "insert into attendance_mark as m (pupil_id, session_date, session, code, minutes_late, source,"
                + " recorded_at, reason, recorded_by, arrival_time)"
                + " select p.id, s.session_date, s.session, s.code, s.minutes_late, 'IMPORT', ?, s.reason, ?, s.arrival_time"
                + STAGED_WITH_PUPIL
                + " on conflict (pupil_id, session_date, session) do update set code = excluded.code,"
                + " minutes_late = excluded.minutes_late, arrival_time = excluded.arrival_time, reason = excluded.reason,"
                + " source = excluded.source, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by"
                + " where " + changed.replace("s.", "excluded.")
            : "merge into attendance_mark m using (select p.id pupil_id, s.session_date, s.session, s.code,"
                + " s.minutes_late, s.arrival_time, s.reason, cast(? as timestamp with time zone) at_time,"
                + " cast(? as uuid) by_staff"
                + STAGED_WITH_PUPIL
                + ") s on (m.pupil_id = s.pupil_id and m.session_date = s.session_date and m.session = s.session)"
                + " when matched and (" + changed + ") then update set code = s.code, minutes_late = s.minutes_late,"
                + " arrival_time = s.arrival_time, reason = s.reason, source = 'IMPORT', recorded_at = s.at_time,"
                + " recorded_by = s.by_staff"
                + " when not matched then insert (pupil_id, session_date, session, code, minutes_late, source, recorded_at,"
                + " reason, recorded_by, arrival_time) values (s.pupil_id, s.session_date, s.session, s.code,"
                + " s.minutes_late, 'IMPORT', s.at_time, s.reason, s.by_staff, s.arrival_time)";
    try (PreparedStatement merge = connection.prepareStatement(sql)) {
      StagingSql.bind(merge, now, actor.staffId(), schoolId);
      return merge.executeLargeUpdate();
    }
  }

  static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}

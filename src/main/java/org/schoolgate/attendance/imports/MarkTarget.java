package org.schoolgate.attendance.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.schoolgate.attendance.domain.CodeBook;

/**
 * Marks: each row is checked against the school's pupils (UPN known, date on the roll) as it is
 * read, then staged with COPY on PostgreSQL (a JDBC batch on H2) and merged set-based. A mark whose
 * code changes gets a {@code mark_amendment} row with the old and new code first, so the
 * register's history is never lost; unchanged marks are not touched, so importing a file again
 * changes nothing.
 *
 * <p>The school's pupils are held in memory (UPN, id and roll dates: about 200 bytes a pupil), so
 * memory grows with the size of the school, never with the size of the file. Two rows for the
 * same mark are found by PostgreSQL's upsert itself, which refuses to change one row twice; only
 * then is the staging table grouped to name the lines, so a clean file pays for no extra pass.
 */
final class MarkTarget implements ImportTarget {

  static final String STAGE = "import_mark_stage";

  private static final String COLUMNS =
      "line bigint not null, pupil_id uuid not null, session_date date not null, session varchar(2) not null,"
          + " code varchar(2) not null, minutes_late integer, arrival_time time, reason varchar(300)";

  private static final List<String> KEY = List.of("pupil_id", "session_date", "session");

  /** PostgreSQL: "duplicate key value violates unique constraint". */
  private static final String UNIQUE_VIOLATION = "23505";

  /** PostgreSQL: "ON CONFLICT DO UPDATE command cannot affect row a second time". */
  private static final String CARDINALITY_VIOLATION = "21000";

  private record Roll(UUID id, String upn, LocalDate from, LocalDate to) {}

  private final Connection connection;
  private final ImportDialect dialect;
  private final CodeBook codes;
  private final Map<String, Roll> pupils = new HashMap<>();
  private final Map<UUID, String> upns = new HashMap<>();
  private Writer copy;
  private PGCopyOutputStream copyStream;
  private StagingSql.Batch batch;

  private final UUID schoolId;

  MarkTarget(Connection connection, ImportDialect dialect, UUID schoolId, CodeBook codes) throws SQLException {
    this.schoolId = schoolId;
    this.connection = connection;
    this.dialect = dialect;
    this.codes = codes;
    try (PreparedStatement s =
            StagingSql.bind(
                connection.prepareStatement("select upn, id, on_roll_from, on_roll_to from pupil where school_id = ?"),
                schoolId);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        Roll roll =
            new Roll(
                rs.getObject(2, UUID.class), rs.getString(1), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class));
        pupils.put(roll.upn(), roll);
        upns.put(roll.id(), roll.upn());
      }
    }
    StagingSql.execute(connection, dialect.createStagingTable(STAGE, COLUMNS));
    if (dialect == ImportDialect.POSTGRESQL && connection.isWrapperFor(PGConnection.class)) {
      // Aggregates and hash joins over millions of staged rows stay in the server's memory.
      StagingSql.execute(connection, "set local work_mem = '256MB'");
      PGConnection pg = connection.unwrap(PGConnection.class);
      copyStream = new PGCopyOutputStream(pg, "copy " + STAGE + " from stdin (format text)", 1 << 16);
      copy = new BufferedWriter(new OutputStreamWriter(copyStream, StandardCharsets.UTF_8), 1 << 16);
    } else {
      batch =
          new StagingSql.Batch(
              connection,
              "insert into " + STAGE + " (line, pupil_id, session_date, session, code, minutes_late, arrival_time, reason)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?)");
    }
  }

  @Override
  public void add(ImportRow row, ImportProblems problems) throws SQLException {
    MarkRow m = MarkRow.parse(row, codes, problems);
    if (m == null) {
      return;
    }
    Roll pupil = pupils.get(m.upn());
    if (pupil == null) {
      problems.add(m.line(), "no pupil with UPN " + m.upn() + " at this school (import the pupils first)");
      return;
    }
    if (m.date().isBefore(pupil.from()) || (pupil.to() != null && m.date().isAfter(pupil.to()))) {
      problems.add(
          m.line(),
          "the date " + m.date() + " is outside the roll of the pupil with UPN " + m.upn() + " (on roll from " + pupil.from()
              + (pupil.to() == null ? "" : " to " + pupil.to()) + ")");
      return;
    }
    if (copy != null) {
      try {
        copy.write(Long.toString(m.line()));
        field(pupil.id().toString());
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
          m.line(), pupil.id(), m.date(), m.session().name(), m.code(), m.minutesLate(), m.arrivalTime(), m.reason());
    }
  }

  /** Whether the school's pupils have no marks at all between the staged file's first and last dates. */
  private boolean registerEmptyForStagedDates() throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "select exists (select 1 from attendance_mark m join pupil p on p.id = m.pupil_id where p.school_id = ?"
                + " and m.session_date between (select min(session_date) from " + STAGE + ")"
                + " and (select max(session_date) from " + STAGE + "))")) {
      ps.setObject(1, schoolId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return !rs.getBoolean(1);
      }
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
    if (dialect != ImportDialect.POSTGRESQL) {
      // H2's MERGE does not refuse a source with two rows for one target row: look for them first.
      checkRepeats(problems);
    }
  }

  /** Two rows for one mark: refused when their codes differ, otherwise the first line's is kept. */
  private void checkRepeats(ImportProblems problems) throws SQLException {
    // min and max rather than count(distinct): PostgreSQL can hash-aggregate them over millions of rows.
    StagingSql.reportRepeats(
        connection,
        problems,
        STAGE,
        KEY,
        ", min(code) low, max(code) high",
        "low <> high",
        "pupil_id, session_date, session, low, high",
        rs ->
            new ImportError(
                rs.getLong(1),
                "UPN " + upns.get(rs.getObject(3, UUID.class)) + " has another mark for " + rs.getObject(4, LocalDate.class)
                    + " " + rs.getString(5) + " on line " + rs.getLong(2) + " with a different code (" + rs.getString(6)
                    + " and " + rs.getString(7) + "); keep one of them"));
    String repeated = StagingSql.repeatedGroups(STAGE, KEY, "");
    if (problems.isEmpty() && StagingSql.count(connection, "select count(*) from (" + repeated + ") d") > 0) {
      StagingSql.execute(
          connection,
          "delete from " + STAGE + " s where exists (select 1 from " + STAGE + " t where t.pupil_id = s.pupil_id"
              + " and t.session_date = s.session_date and t.session = s.session and t.line < s.line)");
    }
  }

  @Override
  public long apply(ImportActor actor, OffsetDateTime now, String fileName, ImportProblems problems) throws SQLException {
    if (dialect != ImportDialect.POSTGRESQL) {
      return merge(actor, now, fileName);
    }
    Savepoint beforeMerge = connection.setSavepoint();
    try {
      return merge(actor, now, fileName);
    } catch (SQLException e) {
      // two lines for one mark: ON CONFLICT refuses to touch a row twice, a plain insert the key
      if (!CARDINALITY_VIOLATION.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      connection.rollback(beforeMerge);
    }
    checkRepeats(problems);
    return problems.isEmpty() ? merge(actor, now, fileName) : 0;
  }

  private long merge(ImportActor actor, OffsetDateTime now, String fileName) throws SQLException {
    if (dialect == ImportDialect.POSTGRESQL && registerEmptyForStagedDates()) {
      // a school's first import (or a new year): nothing to amend or to match, so a plain insert
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into attendance_mark (pupil_id, session_date, session, code, minutes_late, source, recorded_at,"
                  + " reason, recorded_by, arrival_time) select s.pupil_id, s.session_date, s.session, s.code,"
                  + " s.minutes_late, 'IMPORT', ?, s.reason, ?, s.arrival_time from " + STAGE + " s")) {
        StagingSql.bind(insert, now, actor.staffId());
        return insert.executeLargeUpdate();
      }
    }
    try (PreparedStatement amend =
        connection.prepareStatement(
            "insert into mark_amendment (id, pupil_id, session_date, session, original_code, new_code, reason,"
                + " amended_by, amended_by_name, amended_by_position, amended_at, source)"
                + " select gen_random_uuid(), m.pupil_id, m.session_date, m.session, m.code, s.code, ?, ?, ?, ?, ?, 'IMPORT'"
                + " from " + STAGE + " s join attendance_mark m on m.pupil_id = s.pupil_id"
                + " and m.session_date = s.session_date and m.session = s.session where m.code <> s.code")) {
      StagingSql.bind(amend, truncate("MIS import " + fileName, 300), actor.staffId(), actor.name(), actor.position(), now);
      amend.executeUpdate();
    }
    String changed =
        "m.code <> s.code or m.minutes_late is distinct from s.minutes_late"
            + " or m.arrival_time is distinct from s.arrival_time or m.reason is distinct from s.reason";
    String sql =
        dialect == ImportDialect.POSTGRESQL
            ? "insert into attendance_mark as m (pupil_id, session_date, session, code, minutes_late, source,"
                + " recorded_at, reason, recorded_by, arrival_time)"
                + " select s.pupil_id, s.session_date, s.session, s.code, s.minutes_late, 'IMPORT', ?, s.reason, ?,"
                + " s.arrival_time from " + STAGE + " s"
                + " on conflict (pupil_id, session_date, session) do update set code = excluded.code,"
                + " minutes_late = excluded.minutes_late, arrival_time = excluded.arrival_time, reason = excluded.reason,"
                + " source = excluded.source, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by"
                + " where " + changed.replace("s.", "excluded.")
            : "merge into attendance_mark m using (select s.*, cast(? as timestamp with time zone) at_time,"
                + " cast(? as uuid) by_staff from " + STAGE + " s) s"
                + " on (m.pupil_id = s.pupil_id and m.session_date = s.session_date and m.session = s.session)"
                + " when matched and (" + changed + ") then update set code = s.code, minutes_late = s.minutes_late,"
                + " arrival_time = s.arrival_time, reason = s.reason, source = 'IMPORT', recorded_at = s.at_time,"
                + " recorded_by = s.by_staff"
                + " when not matched then insert (pupil_id, session_date, session, code, minutes_late, source, recorded_at,"
                + " reason, recorded_by, arrival_time) values (s.pupil_id, s.session_date, s.session, s.code,"
                + " s.minutes_late, 'IMPORT', s.at_time, s.reason, s.by_staff, s.arrival_time)";
    try (PreparedStatement merge = connection.prepareStatement(sql)) {
      StagingSql.bind(merge, now, actor.staffId());
      return merge.executeLargeUpdate();
    }
  }

  static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}

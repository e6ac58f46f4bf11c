package org.schoolgate.attendance.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Terms and closures. A term is matched by its first day (its name and last day are updated), a
 * closure by kind, first day and sessions (its last day and description are updated). Entries the
 * file does not mention are kept: an import adds and corrects, it never deletes.
 */
final class CalendarTarget implements ImportTarget {

  static final String STAGE = "import_calendar_stage";

  private final Connection connection;
  private final UUID schoolId;
  private final StagingSql.Batch batch;

  CalendarTarget(Connection connection, ImportDialect dialect, UUID schoolId) throws SQLException {
    this.connection = connection;
    this.schoolId = schoolId;
    StagingSql.execute(
        connection,
        dialect.createStagingTable(
            STAGE,
            "line bigint not null, kind varchar(20), name varchar(200) not null, first_day date not null,"
                + " last_day date not null, sessions varchar(4) not null"));
    batch = new StagingSql.Batch(connection, "insert into " + STAGE + " values (?, ?, ?, ?, ?, ?)");
  }

  @Override
  public void add(ImportRow row, ImportProblems problems) throws SQLException {
    CalendarRow c = CalendarRow.parse(row, problems);
    if (c != null) {
      batch.add(
          c.line(), c.isTerm() ? null : c.closureKind().name(), c.name(), c.firstDay(), c.lastDay(), c.sessions().name());
    }
  }

  @Override
  public void endOfRows() throws SQLException {
    batch.close();
  }

  @Override
  public void check(ImportProblems problems) throws SQLException {
    StagingSql.reportRepeats(
        connection,
        problems,
        STAGE,
        List.of("coalesce(kind, 'TERM') k", "first_day", "sessions"),
        "",
        null,
        "k, first_day",
        rs ->
            new ImportError(
                rs.getLong(1),
                rs.getString(3) + " starting " + rs.getObject(4, LocalDate.class) + " appears again (first on line "
                    + rs.getLong(2) + ")"));
  }

  @Override
  public long apply(ImportActor actor, OffsetDateTime now, String fileName, ImportProblems problems) throws SQLException {
    long changed = 0;
    try (PreparedStatement rows =
            connection.prepareStatement(
                "select kind, name, first_day, last_day, sessions from " + STAGE + " order by line");
        PreparedStatement updateTerm =
            connection.prepareStatement(
                "update academic_term set version = version + 1, name = ?, end_date = ? where school_id = ?"
                    + " and start_date = ? and (name <> ? or end_date <> ?)");
        PreparedStatement findTerm =
            connection.prepareStatement("select count(*) from academic_term where school_id = ? and start_date = ?");
        PreparedStatement insertTerm =
            connection.prepareStatement(
                "insert into academic_term (id, version, school_id, name, start_date, end_date) values (?, 1, ?, ?, ?, ?)");
        PreparedStatement updateClosure =
            connection.prepareStatement(
                "update calendar_closure set version = version + 1, last_day = ?, description = ? where school_id = ?"
                    + " and kind = ? and first_day = ? and sessions = ? and (last_day <> ? or description <> ?)");
        PreparedStatement findClosure =
            connection.prepareStatement(
                "select count(*) from calendar_closure where school_id = ? and kind = ? and first_day = ? and sessions = ?");
        PreparedStatement insertClosure =
            connection.prepareStatement(
                "insert into calendar_closure (id, version, school_id, kind, first_day, last_day, sessions, description)"
                    + " values (?, 1, ?, ?, ?, ?, ?, ?)");
        ResultSet rs = rows.executeQuery()) {
      while (rs.next()) {
        String kind = rs.getString(1), name = rs.getString(2), sessions = rs.getString(5);
        LocalDate first = rs.getObject(3, LocalDate.class), last = rs.getObject(4, LocalDate.class);
        if (kind == null) {
          if (StagingSql.bind(updateTerm, name, last, schoolId, first, name, last).executeUpdate() > 0) {
            changed++;
          } else if (exists(StagingSql.bind(findTerm, schoolId, first))) {
            continue;
          } else {
            StagingSql.bind(insertTerm, UUID.randomUUID(), schoolId, name, first, last).executeUpdate();
            changed++;
          }
        } else if (StagingSql.bind(updateClosure, last, name, schoolId, kind, first, sessions, last, name).executeUpdate() > 0) {
          changed++;
        } else if (!exists(StagingSql.bind(findClosure, schoolId, kind, first, sessions))) {
          StagingSql.bind(insertClosure, UUID.randomUUID(), schoolId, kind, first, last, sessions, name).executeUpdate();
          changed++;
        }
      }
    }
    return changed;
  }

  private static boolean exists(PreparedStatement count) throws SQLException {
    try (ResultSet rs = count.executeQuery()) {
      return rs.next() && rs.getLong(1) > 0;
    }
  }
}

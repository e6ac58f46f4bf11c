package org.schoolgate.attendance.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.schoolgate.attendance.domain.CodeBook;

/** A school to import into, and a way to run the pipeline on a test database. */
final class ImportFixtures {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-18T08:10:00Z"), ZoneId.of("Europe/London"));
  static final ImportActor OFFICE = new ImportActor(UUID.randomUUID(), "Jo Office", "Office");
  private static final AtomicInteger URNS = new AtomicInteger(300_000);

  private ImportFixtures() {}

  /** A new trust with one school (register settings as in the demo); returns the school's id. */
  static UUID school(DataSource db) throws SQLException {
    UUID trust = UUID.randomUUID();
    UUID school = UUID.randomUUID();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s = c.prepareStatement("insert into trust (id, version, name) values (?, 1, 'Test Trust')")) {
        StagingSql.bind(s, trust).executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into school (id, version, trust_id, urn, name, phase, time_zone, am_register_open,"
                  + " pm_register_open, register_close_after_min, am_session_end, pm_session_end, am_session_hours,"
                  + " pm_session_hours, am_lessons, pm_lessons, school_year_days, stage_model, listen_threshold,"
                  + " listen_comparator, facilitate_threshold, facilitate_comparator, enforce_threshold,"
                  + " enforce_comparator, min_possible_sessions, n_code_deadline_days, home_visit_day,"
                  + " home_visit_repeat_days, cme_notify_days) values (?, 1, ?, ?, 'Oak Lane Academy', 'SECONDARY',"
                  + " 'Europe/London', time '08:40', time '13:10', 30, time '12:00', time '15:15', 2.5, 2.5, 3, 2, 190,"
                  + " 'FOUR_STAGE', 96, '<', 90, '<=', 50, '<=', 10, 5, 3, 3, 10)")) {
        StagingSql.bind(s, school, trust, String.valueOf(URNS.getAndIncrement())).executeUpdate();
      }
    }
    return school;
  }

  static ImportResult run(DataSource db, UUID school, ImportKind kind, String fileName, String content)
      throws SQLException, IOException {
    return run(db, school, kind, ImportPipeline.Format.CSV, fileName, content, ImportLimits.STANDARD);
  }

  static ImportResult run(
      DataSource db, UUID school, ImportKind kind, ImportPipeline.Format format, String fileName, String content, ImportLimits limits)
      throws SQLException, IOException {
    try (Connection c = db.getConnection()) {
      return new ImportPipeline(CodeBook.standard(), limits, CLOCK)
          .run(c, school, kind, format, fileName, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), OFFICE);
    }
  }

  static long count(DataSource db, String sql, Object... params) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = StagingSql.bind(c.prepareStatement(sql), params);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String text(DataSource db, String sql, Object... params) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = StagingSql.bind(c.prepareStatement(sql), params);
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}

package org.schoolgate.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.schoolgate.attendance.domain.AttendanceCode;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.attendance.domain.CodeCategory;
import org.schoolgate.attendance.domain.CountsAs;
import org.schoolgate.platform.persistence.TestDatabases.Database;
import org.schoolgate.platform.persistence.TestDatabases.Engine;

/**
 * The Flyway migrations (db/migration, SQL and Java) on PostgreSQL and on the demo's H2, through
 * the application's own {@link DatabaseMigrations#migrate(DataSource)}. Constraints are checked
 * with plain SQL: the point is that the database refuses bad rows even when no Java code checks.
 */
class MigrationTest {

  @RegisterExtension static final TestDatabases databases = new TestDatabases();

  /** Every table the migrations create; an entity or a query depends on each one. */
  private static final Set<String> TABLES =
      Set.of(
          "trust", "school", "academic_term", "calendar_closure", "teaching_group", "pupil",
          "guardian", "pupil_guardian", "staff_member", "attendance_mark", "staff_account",
          "role_assignment", "staff_group", "one_time_code", "api_session", "sign_in_audit",
          "access_audit", "dev_outbox", "attendance_code", "mark_amendment", "lesson_mark",
          "attendance_task", "attendance_case", "stage_recommendation", "case_event",
          "pupil_figures", "import_run", "school_api_key");

  private static final AtomicInteger URNS = new AtomicInteger(100_000);
  private static final AtomicInteger UPNS = new AtomicInteger(1);

  @OnBothDatabases
  void every_migration_applies_to_an_empty_database(Engine engine) throws SQLException {
    Database db = databases.fresh(engine);
    MigrationInfo[] pending = flyway(db.dataSource()).info().pending();
    assertThat(pending).as("migrations found on the classpath").hasSizeGreaterThanOrEqualTo(5);

    MigrateResult result = DatabaseMigrations.migrate(db.dataSource());

    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isEqualTo(pending.length);
    assertThat(result.targetSchemaVersion).isEqualTo(pending[pending.length - 1].getVersion().getVersion());
    assertThat(flyway(db.dataSource()).info().applied())
        .extracting(m -> m.getState().isFailed())
        .containsOnly(false);
    assertThat(tables(db.dataSource())).containsAll(TABLES);
  }

  @OnBothDatabases
  void running_the_migrations_again_after_a_restart_applies_nothing(Engine engine) {
    Database db = databases.fresh(engine);
    DatabaseMigrations.migrate(db.dataSource());

    DataSource afterRestart = db.reopen();
    MigrateResult again = DatabaseMigrations.migrate(afterRestart);

    assertThat(again.success).isTrue();
    assertThat(again.migrationsExecuted).isZero();
    assertThat(flyway(afterRestart).validateWithResult().validationSuccessful)
        .as("checksums of applied migrations still match the files")
        .isTrue();
  }

  @OnBothDatabases
  void the_register_code_table_holds_exactly_the_codes_of_register_codes_csv(Engine engine) throws Exception {
    List<AttendanceCode> csv;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(CodeBook.RESOURCE)) {
      csv = CodeBook.parseCsv(in);
    }
    List<AttendanceCode> stored = new ArrayList<>();
    try (Connection c = databases.migrated(engine).dataSource().getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "select code, category, counts_as, late, valid_from, valid_to, reason_required, reference,"
                    + " meaning from attendance_code");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        stored.add(
            new AttendanceCode(
                rs.getString("code"),
                CodeCategory.valueOf(rs.getString("category")),
                CountsAs.valueOf(rs.getString("counts_as")),
                rs.getBoolean("late"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getBoolean("reason_required"),
                rs.getString("reference"),
                rs.getString("meaning")));
      }
    }

    assertThat(csv).hasSizeGreaterThan(30);
    assertThat(stored).containsExactlyInAnyOrderElementsOf(csv);
    assertThat(stored).extracting(AttendanceCode::code).contains("/", "\\", "L", "N");
  }

  @OnBothDatabases
  void the_database_keeps_a_register_open_thirty_minutes_and_refuses_thirty_one(Engine engine) throws SQLException {
    try (Connection c = databases.migrated(engine).dataSource().getConnection()) {
      UUID trust = insertTrust(c);

      insertSchool(c, trust, 30);
      insertSchool(c, trust, 1);

      assertRefused(() -> insertSchool(c, trust, 31), "school_register_window");
      assertRefused(() -> insertSchool(c, trust, 0), "school_register_window");
    }
  }

  @OnBothDatabases
  void a_upn_is_unique_within_a_school_and_may_repeat_at_another(Engine engine) throws SQLException {
    try (Connection c = databases.migrated(engine).dataSource().getConnection()) {
      UUID trust = insertTrust(c);
      UUID ashGrove = insertSchool(c, trust, 30);
      UUID beechHill = insertSchool(c, trust, 30);
      String upn = nextUpn();

      insertPupil(c, ashGrove, upn);
      insertPupil(c, beechHill, upn);

      assertRefused(() -> insertPupil(c, ashGrove, upn), "pupil_upn");
    }
  }

  @OnBothDatabases
  void a_contact_priority_is_one_to_four(Engine engine) throws SQLException {
    try (Connection c = databases.migrated(engine).dataSource().getConnection()) {
      UUID pupil = insertPupil(c, insertSchool(c, insertTrust(c), 30), nextUpn());

      insertPupilGuardian(c, pupil, insertGuardian(c), 1);
      insertPupilGuardian(c, pupil, insertGuardian(c), 4);

      assertRefused(() -> insertPupilGuardian(c, pupil, insertGuardian(c), 0), "pupil_guardian_priority");
      assertRefused(() -> insertPupilGuardian(c, pupil, insertGuardian(c), 5), "pupil_guardian_priority");
    }
  }

  @OnBothDatabases
  void a_guardian_is_linked_to_a_pupil_only_once(Engine engine) throws SQLException {
    try (Connection c = databases.migrated(engine).dataSource().getConnection()) {
      UUID pupil = insertPupil(c, insertSchool(c, insertTrust(c), 30), nextUpn());
      UUID guardian = insertGuardian(c);
      insertPupilGuardian(c, pupil, guardian, 1);

      assertRefused(() -> insertPupilGuardian(c, pupil, guardian, 2), "pupil_guardian_pair");
    }
  }

  // ---- helpers -----------------------------------------------------------------------------------

  private static Flyway flyway(DataSource dataSource) {
    return Flyway.configure(DatabaseMigrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load();
  }

  private static Set<String> tables(DataSource dataSource) throws SQLException {
    Set<String> names = new TreeSet<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          names.add(rs.getString("TABLE_NAME"));
        }
      }
    }
    return names;
  }

  /** The statement fails with an integrity-constraint violation naming this constraint. */
  private static void assertRefused(ThrowingCallable insert, String constraint) {
    assertThatThrownBy(insert)
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("SQLSTATE").startsWith("23"))
        .message()
        .containsIgnoringCase(constraint);
  }

  private static String nextUpn() {
    return String.format("A%012d", UPNS.getAndIncrement());
  }

  private static UUID insertTrust(Connection c) throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement s = c.prepareStatement("insert into trust (id, version, name) values (?, 1, ?)")) {
      s.setObject(1, id);
      s.setString(2, "Northern Lights Academy Trust");
      s.executeUpdate();
    }
    return id;
  }

  private static UUID insertSchool(Connection c, UUID trust, int registerCloseAfterMinutes) throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into school (id, version, trust_id, urn, name, phase, time_zone, am_register_open,"
                + " pm_register_open, register_close_after_min, am_session_end, pm_session_end,"
                + " am_session_hours, pm_session_hours, am_lessons, pm_lessons, school_year_days,"
                + " stage_model, listen_threshold, listen_comparator, facilitate_threshold,"
                + " facilitate_comparator, enforce_threshold, enforce_comparator, min_possible_sessions,"
                + " n_code_deadline_days, home_visit_day, home_visit_repeat_days, cme_notify_days)"
                + " values (?, 1, ?, ?, 'Ash Grove Primary', 'PRIMARY', 'Europe/London', ?, ?, ?, ?, ?,"
                + " ?, ?, 3, 2, 190, 'FOUR_STAGE', ?, '<', ?, '<=', ?, '<=', 10, 5, 3, 3, 10)")) {
      s.setObject(1, id);
      s.setObject(2, trust);
      s.setString(3, String.valueOf(URNS.getAndIncrement()));
      s.setObject(4, LocalTime.of(8, 40));
      s.setObject(5, LocalTime.of(13, 10));
      s.setInt(6, registerCloseAfterMinutes);
      s.setObject(7, LocalTime.of(12, 0));
      s.setObject(8, LocalTime.of(15, 15));
      s.setBigDecimal(9, new BigDecimal("2.5"));
      s.setBigDecimal(10, new BigDecimal("2.5"));
      s.setBigDecimal(11, new BigDecimal("96"));
      s.setBigDecimal(12, new BigDecimal("90"));
      s.setBigDecimal(13, new BigDecimal("50"));
      s.executeUpdate();
    }
    return id;
  }

  private static UUID insertPupil(Connection c, UUID school, String upn) throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into pupil (id, version, school_id, upn, legal_first_name, legal_last_name,"
                + " date_of_birth, year_group, gender, sen_status, pupil_premium, eal, looked_after,"
                + " social_worker, child_in_need, child_protection, vulnerable_list, on_roll_from,"
                + " dual_registered, medical_evidence_required)"
                + " values (?, 1, ?, ?, 'Zoë', 'Brontë', ?, 4, 'FEMALE', 'NONE', false, false, false,"
                + " false, false, false, false, ?, false, false)")) {
      s.setObject(1, id);
      s.setObject(2, school);
      s.setString(3, upn);
      s.setDate(4, Date.valueOf(LocalDate.of(2016, 9, 14)));
      s.setDate(5, Date.valueOf(LocalDate.of(2020, 9, 2)));
      s.executeUpdate();
    }
    return id;
  }

  private static UUID insertGuardian(Connection c) throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into guardian (id, version, first_name, last_name, preferred_language,"
                + " preferred_channel, sms_opt_out) values (?, 1, 'Amira', 'Khan', 'en', 'SMS', false)")) {
      s.setObject(1, id);
      s.executeUpdate();
    }
    return id;
  }

  private static void insertPupilGuardian(Connection c, UUID pupil, UUID guardian, int priority) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into pupil_guardian (id, version, pupil_id, guardian_id, relationship,"
                + " parental_responsibility, lives_with_pupil, contact_priority,"
                + " flagged_for_correspondence, no_contact) values (?, 1, ?, ?, 'Mother', true, true, ?,"
                + " true, false)")) {
      s.setObject(1, UUID.randomUUID());
      s.setObject(2, pupil);
      s.setObject(3, guardian);
      s.setInt(4, priority);
      s.executeUpdate();
    }
  }
}

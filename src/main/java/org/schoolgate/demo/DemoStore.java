package org.schoolgate.demo;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.TeachingGroup;
import org.schoolgate.identity.domain.RoleAssignment;
import org.schoolgate.identity.domain.StaffAccount;

/**
 * Writes a generated demo trust to the database: the records through JPA, the teacher's groups and
 * the register marks through JDBC batches, so a term of registers for 1,110 pupils (over 100,000
 * marks) loads in seconds. The caller owns the transaction: the loader runs both halves in one, so
 * a failed load leaves nothing behind.
 */
final class DemoStore {

  /** Marks sent to the database in one round trip. */
  static final int BATCH_SIZE = 1000;

  static final String INSERT_MARK =
      "insert into attendance_mark (pupil_id, session_date, session, code, minutes_late, source, recorded_at,"
          + " reason, arrival_time) values (?, ?, ?, ?, ?, 'IMPORT', ?, ?, ?)";

  static final String INSERT_STAFF_GROUP = "insert into staff_group (staff_member_id, group_id) values (?, ?)";

  private DemoStore() {}

  /** Whether the demo trust is already in the database (the demo loads it once). */
  static boolean isLoaded(EntityManager em) {
    return em.createQuery("select count(t) from Trust t where t.name = :name", Long.class)
            .setParameter("name", DemoSignIns.TRUST_NAME)
            .getSingleResult()
        > 0;
  }

  /** Each demo account's password hash, by username; slow on purpose, so done before any transaction. */
  static Map<String, String> passwordHashes(DemoTrust demo, UnaryOperator<String> hasher) {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (DemoTrust.StaffSignIn s : demo.signIns()) {
      hashes.put(s.username(), hasher.apply(s.password()));
    }
    return hashes;
  }

  /** Persists every record of the trust, staff accounts and roles included, and flushes. */
  static void storeRecords(EntityManager em, DemoTrust demo, Map<String, String> passwordHashes) {
    em.persist(demo.trust());
    demo.schools().forEach(em::persist);
    demo.terms().forEach(em::persist);
    demo.closures().forEach(em::persist);
    demo.groups().forEach(em::persist);
    demo.staff().forEach(em::persist);
    demo.pupils().forEach(em::persist);
    demo.guardians().forEach(em::persist);
    demo.links().forEach(em::persist);
    for (DemoTrust.StaffSignIn s : demo.signIns()) {
      for (RoleAssignment role : s.roles()) {
        em.persist(role);
      }
      String hash = passwordHashes.get(s.username());
      if (hash == null) {
        throw new IllegalArgumentException("no password hash for " + s.username());
      }
      em.persist(new StaffAccount(s.member(), s.username(), hash));
    }
    em.flush();
  }

  /**
   * Inserts the teacher's groups and every register mark, in batches, on the caller's connection
   * and transaction (the records they refer to must already be written).
   *
   * @return the number of marks written
   */
  static int storeRows(Connection connection, DemoTrust demo) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_STAFF_GROUP)) {
      for (DemoTrust.StaffSignIn s : demo.signIns()) {
        for (TeachingGroup g : s.groups()) {
          insert.setObject(1, s.member().getId());
          insert.setObject(2, g.getId());
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
    Map<UUID, School> schoolOf = new HashMap<>();
    for (Pupil p : demo.pupils()) {
      schoolOf.put(p.getId(), p.getSchool());
    }
    int written = 0;
    try (PreparedStatement insert = connection.prepareStatement(INSERT_MARK)) {
      int pending = 0;
      for (DemoMark m : demo.marks()) {
        bind(insert, m, schoolOf.get(m.pupilId()));
        insert.addBatch();
        if (++pending == BATCH_SIZE) {
          insert.executeBatch();
          written += pending;
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
        written += pending;
      }
    }
    return written;
  }

  private static void bind(PreparedStatement insert, DemoMark m, School school) throws SQLException {
    LocalTime opens = school.registerTimes().open(m.session());
    LocalTime arrival = m.minutesLate() == null ? null : opens.plusMinutes(m.minutesLate());
    // The register is taken a few minutes after it opens; a late is recorded when the pupil arrives.
    LocalTime taken = arrival != null ? arrival : opens.plusMinutes(5);
    OffsetDateTime recordedAt = ZonedDateTime.of(m.date(), taken, school.zone()).toOffsetDateTime();
    insert.setObject(1, m.pupilId());
    insert.setObject(2, m.date());
    insert.setString(3, m.session().name());
    insert.setString(4, m.code());
    if (m.minutesLate() == null) {
      insert.setNull(5, Types.INTEGER);
    } else {
      insert.setInt(5, m.minutesLate());
    }
    insert.setObject(6, recordedAt);
    if (m.reason() == null) {
      insert.setNull(7, Types.VARCHAR);
    } else {
      insert.setString(7, m.reason());
    }
    if (arrival == null) {
      insert.setNull(8, Types.TIME);
    } else {
      insert.setObject(8, arrival);
    }
  }
}

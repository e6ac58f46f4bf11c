package org.schoolgate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.schoolgate.directory.domain.Guardian;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.identity.domain.PasswordHasher;
import org.schoolgate.platform.persistence.OnBothDatabases;
import org.schoolgate.platform.persistence.TestDatabases;
import org.schoolgate.platform.persistence.TestDatabases.Database;
import org.schoolgate.platform.persistence.TestDatabases.Engine;

/**
 * The demo trust written to PostgreSQL and to the demo's H2 by the loader's own store: every record
 * and mark arrives, the staff can sign in with the demo password, the teacher has their class, and
 * a later start sees the trust is already there. (The loader runs both halves in one transaction;
 * here they commit one after the other.)
 */
class DemoStoreTest {

  @RegisterExtension static final TestDatabases databases = new TestDatabases();

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

  @OnBothDatabases
  void the_whole_trust_is_stored_and_a_later_start_finds_it(Engine engine) throws SQLException {
    Database db = databases.migrated(engine);
    DemoTrust demo = DemoData.generate(TODAY, DemoData.DEMO_SEED);
    EntityManager em = db.entityManagerFactory().createEntityManager();
    assertThat(DemoStore.isLoaded(em)).isFalse();

    Map<String, String> hashes = DemoStore.passwordHashes(demo, hashedOnce());
    em.getTransaction().begin();
    DemoStore.storeRecords(em, demo, hashes);
    em.getTransaction().commit();
    int marks;
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      marks = DemoStore.storeRows(c, demo);
      c.commit();
    }
    em.close();

    assertThat(marks).isEqualTo(demo.marks().size());
    EntityManager later = db.entityManagerFactory().createEntityManager();
    assertThat(DemoStore.isLoaded(later)).isTrue();
    try (Connection c = db.dataSource().getConnection()) {
      assertThat(count(c, "select count(*) from school")).isEqualTo(2);
      assertThat(count(c, "select count(*) from pupil")).isEqualTo(demo.pupils().size());
      assertThat(count(c, "select count(*) from guardian")).isEqualTo(demo.guardians().size());
      assertThat(count(c, "select count(*) from pupil_guardian")).isEqualTo(demo.links().size());
      assertThat(count(c, "select count(*) from academic_term")).isEqualTo(6);
      assertThat(count(c, "select count(*) from attendance_mark")).isEqualTo(demo.marks().size());
      assertThat(count(c, "select count(*) from attendance_mark where source <> 'IMPORT'")).isZero();
      assertThat(count(c, "select count(*) from attendance_mark where session_date >= date '2026-11-18'")).isZero();
      assertThat(count(c, "select count(*) from attendance_mark m where code = 'B' and reason is null")).isZero();
      assertThat(count(c, "select count(*) from attendance_mark m where code in ('L', 'U') and arrival_time is null")).isZero();
      assertThat(count(c, "select count(*) from staff_account")).isEqualTo(11);
      assertThat(count(c, "select count(*) from role_assignment")).isEqualTo(13);

      String teacherGroup =
          text(c, "select g.name from staff_group sg join teaching_group g on g.id = sg.group_id"
              + " join staff_account a on a.staff_member_id = sg.staff_member_id where a.username = ?", "teacher.primary");
      assertThat(teacherGroup).isEqualTo("Oak");
      String hash = text(c, "select password_hash from staff_account where username = ?", "office.academy");
      assertThat(new PasswordHasher().matches(DemoSignIns.PASSWORD, hash)).isTrue();

      try (PreparedStatement q =
          c.prepareStatement(
              "select m.arrival_time, m.recorded_at, m.minutes_late from attendance_mark m join pupil p on p.id = m.pupil_id"
                  + " join school s on s.id = p.school_id where s.urn = ? and m.code = 'L' and m.session = 'AM'")) {
        q.setString(1, DemoSignIns.ACADEMY_URN);
        try (ResultSet rs = q.executeQuery()) {
          assertThat(rs.next()).isTrue();
          LocalTime arrival = rs.getObject(1, LocalTime.class);
          OffsetDateTime recorded = rs.getObject(2, OffsetDateTime.class);
          assertThat(arrival).isBetween(LocalTime.of(8, 46), LocalTime.of(8, 54));
          assertThat(recorded.atZoneSameInstant(ZoneId.of("Europe/London")).toLocalTime()).isEqualTo(arrival);
          assertThat(arrival).isEqualTo(LocalTime.of(8, 45).plusMinutes(rs.getInt(3)));
        }
      }
    }

    Guardian amira =
        later.createQuery("select g from Guardian g where g.mobile = :m", Guardian.class)
            .setParameter("m", DemoSignIns.AMIRA_HADDAD.mobileE164())
            .getSingleResult();
    assertThat(amira.fullName()).isEqualTo("Amira Haddad");
    assertThat(
            later.createQuery("select l.pupil from PupilGuardian l where l.guardian = :g", Pupil.class)
                .setParameter("g", amira)
                .getResultList())
        .extracting(p -> p.getSchool().getName())
        .containsExactlyInAnyOrder(DemoSignIns.PRIMARY_NAME, DemoSignIns.ACADEMY_NAME);
    later.close();
  }

  /** The real hash, computed once: every demo account has the same password. */
  private static UnaryOperator<String> hashedOnce() {
    Map<String, String> cache = new HashMap<>();
    PasswordHasher hasher = new PasswordHasher();
    return password -> cache.computeIfAbsent(password, hasher::hash);
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(sql);
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String text(Connection c, String sql, String parameter) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setString(1, parameter);
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).as(sql).isTrue();
        return rs.getString(1);
      }
    }
  }
}

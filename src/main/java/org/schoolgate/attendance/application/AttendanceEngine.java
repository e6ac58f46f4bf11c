package org.schoolgate.attendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.schoolgate.attendance.domain.AcademicYear;
import org.schoolgate.attendance.domain.MetSessions;
import org.schoolgate.directory.application.SchoolCalendars;
import org.schoolgate.directory.domain.School;

/**
 * Keeps every pupil's figures current: a full, set-based recompute per school (at start-up, after
 * the demo loads, and each morning), while register changes move the stored figures directly.
 * Recomputes of one school are serialised by locking its row, so several nodes may run them.
 */
@ApplicationScoped
public class AttendanceEngine {

  private static final Logger LOG = Logger.getLogger(AttendanceEngine.class.getName());

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  private Clock clock;
  private SchoolCalendars calendars;
  private FiguresStore figures;

  protected AttendanceEngine() {}

  @Inject
  public AttendanceEngine(Clock clock, SchoolCalendars calendars, CodeTable codes, DataSource dataSource) {
    this.clock = clock;
    this.calendars = calendars;
    this.figures = new FiguresStore(dataSource, codes.codes());
  }

  /** Every school, for jobs that go through them one by one. */
  @Transactional
  public List<UUID> schoolIds() {
    return em.createQuery("select s.id from School s order by s.urn", UUID.class).getResultList();
  }

  /** Recomputes every school's figures for this school year in one pass over the register. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int recomputeAll() {
    long started = System.nanoTime();
    java.util.Map<UUID, FiguresStore.ExpectedSessions> expected = new java.util.HashMap<>();
    RegisterClock now = null;
    for (School school : em.createQuery("select s from School s", School.class).getResultList()) {
      RegisterClock clockOfSchool = RegisterClock.of(school, clock);
      now = now == null ? clockOfSchool : now;
      AcademicYear year = AcademicYear.containing(clockOfSchool.today());
      MetSessions met = MetSessions.of(calendars.calendarOf(school.getId()), year.start(), clockOfSchool.lastClosedSession());
      expected.put(school.getId(), met::between);
    }
    if (now == null) {
      return 0;
    }
    AcademicYear year = AcademicYear.containing(now.today());
    int pupils = figures.recomputeSchools(expected, year.start(), now.today(), now.weekStart(), OffsetDateTime.now(clock));
    LOG.info(
        () -> "Figures of " + pupils + " pupils in " + expected.size() + " schools recomputed in "
            + (System.nanoTime() - started) / 1_000_000 + " ms");
    return pupils;
  }

  /** Recomputes one school's figures for this school year from the register. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int recomputeSchool(UUID schoolId) {
    long started = System.nanoTime();
    School school = em.find(School.class, schoolId);
    RegisterClock now = RegisterClock.of(school, clock);
    AcademicYear year = AcademicYear.containing(now.today());
    MetSessions met = MetSessions.of(calendars.calendarOf(schoolId), year.start(), now.lastClosedSession());
    int pupils =
        figures.recomputeSchool(
            schoolId, year.start(), now.today(), now.weekStart(),
            (from, to) -> met.between(from, to), OffsetDateTime.now(clock));
    LOG.info(
        () -> "Figures of " + pupils + " pupils at school " + schoolId + " recomputed in "
            + (System.nanoTime() - started) / 1_000_000 + " ms");
    return pupils;
  }
}

package org.schoolgate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.schoolgate.attendance.application.FiguresStore;
import org.schoolgate.attendance.application.MarkStore;
import org.schoolgate.attendance.application.StoredMark;
import org.schoolgate.attendance.domain.AcademicYear;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.attendance.domain.MarkSource;
import org.schoolgate.attendance.domain.MetSessions;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.directory.domain.AcademicTerm;
import org.schoolgate.directory.domain.CalendarClosure;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.platform.persistence.OnBothDatabases;
import org.schoolgate.platform.persistence.TestDatabases;
import org.schoolgate.platform.persistence.TestDatabases.Database;
import org.schoolgate.platform.persistence.TestDatabases.Engine;

/**
 * The figures computed in SQL for lists and dashboards agree, pupil by pupil, with the figures the
 * rules compute in Java from the same marks, on the whole demo trust; and register changes applied
 * as deltas leave the table exactly as a full recompute would.
 */
class DemoFiguresAgreementTest {

  @RegisterExtension static final TestDatabases databases = new TestDatabases();

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);
  private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 18, 7, 0, 0, 0, ZoneOffset.UTC);
  private static final CodeBook CODES = CodeBook.standard();

  @OnBothDatabases
  void sql_and_java_figures_agree_for_every_demo_pupil_and_deltas_match_a_recompute(Engine engine) throws Exception {
    Database db = databases.migrated(engine);
    DemoTrust demo = DemoData.generate(TODAY, DemoData.DEMO_SEED);
    EntityManager em = db.entityManagerFactory().createEntityManager();
    em.getTransaction().begin();
    DemoStore.storeRecords(em, demo, DemoStore.passwordHashes(demo, password -> "pbkdf2-sha256$1$c2FsdA$aGFzaA"));
    em.getTransaction().commit();
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      DemoStore.storeRows(c, demo);
      c.commit();
    }
    em.close();

    FiguresStore figures = new FiguresStore(db.dataSource(), CODES);
    AcademicYear year = AcademicYear.containing(TODAY);
    LocalDate weekStart = TODAY.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    MetSessions.Slot through = new MetSessions.Slot(TODAY.minusDays(1), Session.PM);
    Map<UUID, List<DemoMark>> marksByPupil = demo.marks().stream().collect(Collectors.groupingBy(DemoMark::pupilId));

    SoftAssertions softly = new SoftAssertions();
    int compared = 0;
    int persistentlyAbsent = 0;
    for (School school : demo.schools()) {
      MetSessions met = MetSessions.of(calendarOf(demo, school), year.start(), through);
      figures.recomputeSchool(school.getId(), year.start(), through.date(), weekStart, met::between, NOW);
      Map<UUID, FiguresStore.Row> rows =
          figures.forSchool(school.getId()).stream().collect(Collectors.toMap(FiguresStore.Row::pupilId, r -> r));
      for (Pupil pupil : demo.pupilsAt(school)) {
        List<DemoMark> marks = marksByPupil.getOrDefault(pupil.getId(), List.of());
        AttendanceFigures java = AttendanceFigures.of(marks.stream().map(DemoFiguresAgreementTest::toSessionMark).toList());
        AttendanceFigures javaRecent =
            AttendanceFigures.of(
                marks.stream().filter(m -> !m.date().isBefore(weekStart)).map(DemoFiguresAgreementTest::toSessionMark).toList());
        FiguresStore.Row row = rows.get(pupil.getId());
        softly.assertThat(row).as("figures row of %s", pupil.displayName()).isNotNull();
        if (row == null) {
          continue;
        }
        softly.assertThat(row.figures()).as("figures of %s", pupil.displayName()).isEqualTo(java);
        softly.assertThat(row.recentPossible()).as("this week's possible for %s", pupil.displayName()).isEqualTo(javaRecent.possible());
        softly.assertThat(row.recentAttended()).as("this week's attended for %s", pupil.displayName()).isEqualTo(javaRecent.attended());
        softly
            .assertThat(row.unmarked())
            .as("unmarked sessions of %s", pupil.displayName())
            .isEqualTo(Math.max(0, met.between(pupil.getOnRollFrom(), pupil.getOnRollTo()) - marks.size()));
        compared++;
        if (java.persistentlyAbsent()) {
          persistentlyAbsent++;
        }
      }
    }
    softly.assertAll();
    assertThat(compared).isEqualTo(demo.pupils().size());
    assertThat(persistentlyAbsent).as("the demo has persistently absent pupils to compare").isGreaterThan(50);

    // amend 300 marks through the store and apply them as deltas, then compare with a recompute
    MarkStore store = new MarkStore(db.dataSource());
    Random random = new Random(7);
    String[] codes = {"/", "I", "O", "N", "L", "U", "G", "M", "X", "D", "C2"};
    List<FiguresStore.Change> changes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      DemoMark m = demo.marks().get(random.nextInt(demo.marks().size()));
      StoredMark before = store.find(m.pupilId(), m.date(), m.session()).orElseThrow();
      String after = codes[random.nextInt(codes.length)];
      store.save(
          new StoredMark(m.pupilId(), m.date(), m.session(), after, null, null, "test change", MarkSource.OFFICE, NOW, null));
      changes.add(new FiguresStore.Change(m.pupilId(), m.date(), before.code(), after));
    }
    figures.applyChanges(changes, weekStart);
    Map<UUID, FiguresStore.Row> afterDeltas =
        demo.schools().stream().flatMap(s -> figures.forSchool(s.getId()).stream())
            .collect(Collectors.toMap(FiguresStore.Row::pupilId, r -> r));
    for (School school : demo.schools()) {
      MetSessions met = MetSessions.of(calendarOf(demo, school), year.start(), through);
      figures.recomputeSchool(school.getId(), year.start(), through.date(), weekStart, met::between, NOW);
    }
    Map<UUID, FiguresStore.Row> recomputed =
        demo.schools().stream().flatMap(s -> figures.forSchool(s.getId()).stream())
            .collect(Collectors.toMap(FiguresStore.Row::pupilId, r -> r));
    assertThat(afterDeltas).isEqualTo(recomputed);
  }

  private static SessionMark toSessionMark(DemoMark m) {
    return new SessionMark(m.date(), m.session(), CODES.get(m.code()), m.minutesLate());
  }

  private static SchoolCalendar calendarOf(DemoTrust demo, School school) {
    return new SchoolCalendar(
        demo.terms().stream().filter(t -> t.getSchool() == school).map(AcademicTerm::toTerm).toList(),
        demo.closures().stream().filter(c -> c.getSchool() == school).map(CalendarClosure::toClosure).toList());
  }
}

package org.schoolgate.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;
import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.schoolgate.attendance.application.AttendanceSummaries;
import org.schoolgate.attendance.application.CodeTable;
import org.schoolgate.attendance.application.FiguresStore;
import org.schoolgate.attendance.domain.AcademicYear;
import org.schoolgate.attendance.domain.MetSessions;
import org.schoolgate.demo.DemoData;
import org.schoolgate.demo.DemoMark;
import org.schoolgate.demo.DemoTrust;
import org.schoolgate.directory.domain.AcademicTerm;
import org.schoolgate.directory.domain.CalendarClosure;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.messaging.application.BulkSends.BulkPreview;
import org.schoolgate.messaging.application.BulkSends.BulkProgress;
import org.schoolgate.messaging.application.BulkSends.BulkRequest;
import org.schoolgate.messaging.application.BulkSends.BulkStarted;
import org.schoolgate.messaging.application.Messages.MessagesQueued;
import org.schoolgate.messaging.domain.AudienceFilter.PupilLine;
import org.schoolgate.messaging.domain.AudienceFilter.Rule;
import org.schoolgate.messaging.domain.AudienceFilter.Scope;
import org.schoolgate.messaging.domain.AudienceFilter.Spec;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.DeliveryStatus;
import org.schoolgate.messaging.domain.RecipientPlan.Audience;
import org.schoolgate.platform.persistence.TestDatabases;
import org.schoolgate.platform.persistence.TestDatabases.Database;
import org.schoolgate.platform.persistence.TestDatabases.Engine;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.RequestPrincipal;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.validation.AccessDeniedException;

/**
 * Bulk sends on PostgreSQL with the demo trust: the messages Messages saves for a year group, how
 * the dispatcher's claim treats held, scheduled and cancelled ones, and who may send. Each test
 * uses its own year group so the repeat keys of one never touch another's.
 */
class BulkSendFlowTest {

  @RegisterExtension static final TestDatabases databases = new TestDatabases();

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);
  private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 18, 10, 0, 0, 0, ZoneOffset.UTC);
  private static final Map<String, String> VALUES = Map.of("code", "482913", "minutes", "10");

  private static Database db;
  private static DemoTrust demo;
  private static UUID academy;
  private static RequestPrincipal principal;
  private static Messages messages;
  private static BulkSends bulk;
  private static OutboxStore outbox;

  @BeforeAll
  static void demoTrust() throws SQLException {
    db = databases.migrated(Engine.POSTGRESQL);
    demo = DemoData.generate(TODAY, DemoData.DEMO_SEED);
    storeDemoTrust();
    CodeTable codes = new CodeTable(db.dataSource());
    FiguresStore figures = new FiguresStore(db.dataSource(), codes.codes());
    LocalDate weekStart = TODAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    MetSessions.Slot through = new MetSessions.Slot(TODAY.minusDays(1), Session.PM);
    for (School school : demo.schools()) {
      MetSessions met = MetSessions.of(calendarOf(school), AcademicYear.containing(TODAY).start(), through);
      figures.recomputeSchool(school.getId(), AcademicYear.containing(TODAY).start(), through.date(), weekStart, met::between, NOW);
    }
    academy = demo.academy().getId();

    principal = new RequestPrincipal();
    CurrentUser currentUser = new CurrentUser(principal);
    Clock clock = Clock.fixed(NOW.toInstant(), ZoneOffset.UTC);
    SchoolTemplates templates = new SchoolTemplates(db.dataSource());
    messages = messagesThatFailOnBatch(0, currentUser, codes, clock, templates);
    bulk = new BulkSends(db.dataSource(), messages, templates, currentUser, codes, clock, new NoEvents(), 4, 85);
    outbox = new OutboxStore(db.dataSource());
  }

  /** The demo trust's records and register, without staff accounts (nobody signs in here). */
  private static void storeDemoTrust() throws SQLException {
    EntityManager em = db.entityManagerFactory().createEntityManager();
    em.getTransaction().begin();
    em.persist(demo.trust());
    demo.schools().forEach(em::persist);
    demo.terms().forEach(em::persist);
    demo.closures().forEach(em::persist);
    demo.groups().forEach(em::persist);
    demo.staff().forEach(em::persist);
    demo.pupils().forEach(em::persist);
    demo.guardians().forEach(em::persist);
    demo.links().forEach(em::persist);
    em.getTransaction().commit();
    em.close();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement insert = c.prepareStatement("insert into attendance_mark (pupil_id, session_date, session, code,"
            + " minutes_late, source, recorded_at, reason) values (?, ?, ?, ?, ?, 'IMPORT', ?, ?)")) {
      c.setAutoCommit(false);
      int pending = 0;
      for (DemoMark m : demo.marks()) {
        insert.setObject(1, m.pupilId());
        insert.setObject(2, m.date());
        insert.setString(3, m.session().name());
        insert.setString(4, m.code());
        insert.setObject(5, m.minutesLate(), java.sql.Types.INTEGER);
        insert.setObject(6, NOW);
        insert.setString(7, m.reason());
        insert.addBatch();
        if (++pending % 2000 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
      c.commit();
    }
  }

  /** Messages as the server builds it; with {@code failingBatch} > 0, that call to send fails. */
  private static Messages messagesThatFailOnBatch(int failingBatch, CurrentUser currentUser, CodeTable codes, Clock clock,
      SchoolTemplates templates) {
    Messages m = new Messages(db.dataSource(), templates, currentUser,
        new AttendanceSummaries(currentUser, clock, codes, db.dataSource()), codes, clock, new NoEvents(), "http://localhost:8080", 3) {
      int calls;

      @Override
      public Outcome send(MessageRequest request) {
        if (++calls == failingBatch) {
          throw new IllegalStateException("The database connection was lost");
        }
        return super.send(request);
      }
    };
    m.setEntityManager(db.entityManagerFactory().createEntityManager());
    return m;
  }

  private static SchoolCalendar calendarOf(School school) {
    return new SchoolCalendar(
        demo.terms().stream().filter(t -> t.getSchool() == school).map(AcademicTerm::toTerm).toList(),
        demo.closures().stream().filter(c -> c.getSchool() == school).map(CalendarClosure::toClosure).toList());
  }

  private static void signIn(String name, StaffRole role) {
    principal.set(new SignedInUser(SignedInUser.Kind.STAFF, UUID.randomUUID(), name, Map.of(academy, Set.of(role)), Set.of(), "en"));
  }

  private static BulkRequest request(Spec spec, Channel channel, OffsetDateTime at) {
    return new BulkRequest(academy, spec, "sign-in-code", channel, VALUES, at);
  }

  private static Spec year(int year) {
    return new Spec(Scope.year(year), Rule.EVERYONE, 0, Audience.PARENTAL_RESPONSIBILITY, Set.of());
  }

  @Test
  void a_year_group_send_writes_one_message_per_family_and_cancel_stops_only_what_still_waits() throws SQLException {
    signIn("Mr Okafor", StaffRole.HEADTEACHER);
    int yearGroup = yearWithSiblings();
    BulkPreview texts = bulk.preview(request(year(yearGroup), Channel.SMS, null));
    BulkPreview preview = bulk.preview(request(year(yearGroup), Channel.EMAIL, null));

    BulkStarted started = bulk.start(request(year(yearGroup), Channel.EMAIL, null));

    assertThat(texts.smsSegments()).isGreaterThanOrEqualTo(texts.texts()).isPositive();
    assertThat(texts.costPence()).isEqualTo(4 * texts.smsSegments());
    assertThat(texts.summary()).startsWith(texts.families() + " families, " + texts.texts() + " texts");
    assertThat(started.state()).isEqualTo(BulkState.SENDING);
    assertThat(started.messages()).isEqualTo(preview.messages()).isPositive();
    assertThat(preview.families()).isPositive().isLessThanOrEqualTo(preview.messages());
    List<String[]> rows = query("select id::text, destination, status from outbound_message where bulk_send_id = ?", started.bulkId());
    assertThat(rows).hasSize(started.messages());
    assertThat(rows.stream().map(r -> r[1]).distinct().count()).as("one email per address").isEqualTo(rows.size());
    assertThat(rows).allSatisfy(r -> assertThat(r[2]).isEqualTo("CREATED"));
    assertThat(count("select count(*) from outbound_message m where m.bulk_send_id = ? and m.next_attempt_at = ?",
        started.bulkId(), NOW)).as("released for now, none left held").isEqualTo(started.messages());
    assertThat(count("select count(*) from outbound_message m where m.bulk_send_id = ? and (select count(*) from"
        + " outbound_message_pupil mp where mp.message_id = m.id) > 1", started.bulkId()))
        .as("siblings in the year share one message").isPositive();
    assertThat(count("select count(*) from bulk_send where id = ? and total = ? and state = 'SENDING'", started.bulkId(),
        started.messages())).isEqualTo(1);

    // the dispatcher sends five, then the send is cancelled
    List<OutboxStore.Claimed> claimed = outbox.claim("test-node", NOW.plusSeconds(1), 5);
    assertThat(claimed).hasSize(5);
    Set<String> ours = new HashSet<>(rows.stream().map(r -> r[0]).toList());
    assertThat(claimed).allSatisfy(c -> assertThat(ours).contains(c.id().toString()));
    List<OutboxStore.Outcome> sent = new ArrayList<>();
    claimed.forEach(c -> sent.add(OutboxStore.Outcome.sent(c, DeliveryStatus.SENT, "SM" + c.id(), "sent")));
    outbox.record(sent, NOW.plusSeconds(2));
    BulkProgress cancelled = bulk.cancel(started.bulkId());

    assertThat(cancelled.state()).isEqualTo(BulkState.CANCELLED);
    assertThat(cancelled.count(DeliveryStatus.SENT)).isEqualTo(5);
    assertThat(cancelled.count(DeliveryStatus.CANCELLED)).isEqualTo(started.messages() - 5);
    assertThat(cancelled.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(cancelled.total())
        .isEqualTo(started.messages());
    assertThat(count("select count(*) from message_status_event e join outbound_message m on m.id = e.message_id"
        + " where m.bulk_send_id = ? and e.status = 'CANCELLED' and e.detail like 'Cancelled by Mr Okafor%'", started.bulkId()))
        .isEqualTo(started.messages() - 5);
    assertThat(outbox.claim("test-node", NOW.plusMinutes(5), 1000)).noneMatch(c -> ours.contains(c.id().toString()));
    assertThat(bulk.results(started.bulkId()))
        .hasSize(started.messages())
        .allSatisfy(r -> assertThat(r.status()).isIn(DeliveryStatus.SENT, DeliveryStatus.CANCELLED));
    assertThatThrownBy(() -> bulk.cancel(started.bulkId())).hasMessageContaining("already cancelled");

    // sending it again the same day reaches only the families whose message was cancelled
    BulkStarted again = bulk.start(request(year(yearGroup), Channel.EMAIL, null));
    assertThat(again.messages()).isEqualTo(started.messages() - 5);
    assertThat(again.unreachable()).filteredOn(u -> u.reason().startsWith("Already sent")).isNotEmpty();
    bulk.cancel(again.bulkId());
  }

  @Test
  void a_scheduled_send_waits_until_its_time() throws SQLException {
    signIn("Priya Shah", StaffRole.PASTORAL_LEAD);
    OffsetDateTime at = NOW.plusDays(2);

    Spec persistentlyAbsent = new Spec(Scope.year(10), Rule.BELOW, 90, Audience.PARENTAL_RESPONSIBILITY, Set.of());

    BulkStarted started = bulk.start(request(persistentlyAbsent, Channel.EMAIL, at));

    assertThat(started.state()).isEqualTo(BulkState.SCHEDULED);
    BulkProgress progress = bulk.progress(started.bulkId());
    assertThat(progress.state()).isEqualTo(BulkState.SCHEDULED);
    assertThat(progress.waiting()).isEqualTo(progress.total()).isEqualTo(started.messages()).isPositive();
    Set<UUID> ours = new HashSet<>(ids(started.bulkId()));
    assertThat(outbox.claim("test-node", at.minusMinutes(1), 10_000)).noneMatch(c -> ours.contains(c.id()));
    assertThat(count("select count(*) from message_status_event e join outbound_message m on m.id = e.message_id"
        + " where m.bulk_send_id = ? and e.status = 'CREATED' and e.detail = ?", started.bulkId(), "Waiting until " + at))
        .isEqualTo(started.messages());

    List<OutboxStore.Claimed> due = outbox.claim("test-node", at.plusMinutes(1), 10_000);
    assertThat(due.stream().map(OutboxStore.Claimed::id).filter(ours::contains).count()).isEqualTo(started.messages());
  }

  @Test
  void send_and_looked_after_pupils_are_left_out_unless_a_person_includes_them() throws SQLException {
    signIn("Mr Okafor", StaffRole.HEADTEACHER);
    BulkSends.BulkAudience audience = bulk.audience(academy, year(11));
    assertThat(audience.heldBack()).isNotEmpty();
    assertThat(audience.included()).noneMatch(PupilLine::needsDecision);
    PupilLine chosen = audience.heldBack().get(0);

    BulkStarted started = bulk.start(request(year(11).withIncluded(Set.of(chosen.pupilId())), Channel.EMAIL, null));

    List<UUID> pupils = new ArrayList<>();
    for (String[] r : query("select mp.pupil_id::text, 'x', 'x' from outbound_message_pupil mp join outbound_message m"
        + " on m.id = mp.message_id where m.bulk_send_id = ?", started.bulkId())) {
      pupils.add(UUID.fromString(r[0]));
    }
    assertThat(pupils).contains(chosen.pupilId());
    assertThat(pupils).doesNotContainAnyElementsOf(
        audience.heldBack().stream().skip(1).map(PupilLine::pupilId).toList());
    assertThat(count("select count(*) from bulk_send where id = ? and audience like 'Year 11%included by choice'",
        started.bulkId())).isEqualTo(1);
    bulk.cancel(started.bulkId());
  }

  @Test
  void a_send_that_fails_part_way_sends_nothing_at_all() throws SQLException {
    signIn("Mr Okafor", StaffRole.HEADTEACHER);
    CurrentUser currentUser = new CurrentUser(principal);
    Clock clock = Clock.fixed(NOW.toInstant(), ZoneOffset.UTC);
    CodeTable codes = new CodeTable(db.dataSource());
    SchoolTemplates templates = new SchoolTemplates(db.dataSource());
    BulkSends failing = new BulkSends(db.dataSource(), messagesThatFailOnBatch(2, currentUser, codes, clock, templates), templates,
        currentUser, codes, clock, new NoEvents(), 4, 85);
    Spec belowHundred = new Spec(Scope.school(), Rule.BELOW, 100, Audience.PARENTAL_RESPONSIBILITY, Set.of());

    assertThatThrownBy(() -> failing.start(request(belowHundred, Channel.EMAIL, null))).hasMessageContaining("connection was lost");

    List<String[]> bulkRows = query("select id::text, state, 'x' from bulk_send where state = 'FAILED'", null);
    assertThat(bulkRows).hasSize(1);
    UUID failed = UUID.fromString(bulkRows.get(0)[0]);
    assertThat(count("select count(*) from outbound_message where bulk_send_id = ?", failed)).as("the first batch was saved")
        .isPositive();
    assertThat(count("select count(*) from outbound_message where bulk_send_id = ? and status <> 'CANCELLED'", failed)).isZero();
    assertThat(count("select count(*) from message_key k join outbound_message m on m.id = k.message_id where m.bulk_send_id = ?",
        failed)).as("its repeat keys are freed for a corrected send").isZero();
  }

  @Test
  void an_office_member_cannot_send_to_more_than_a_hundred_families_and_is_told_so_before() throws SQLException {
    signIn("Dave", StaffRole.OFFICE);
    Spec school = new Spec(Scope.school(), Rule.EVERYONE, 0, Audience.CORRESPONDENCE, Set.of());
    long before = count("select count(*) from bulk_send", null);

    BulkPreview preview = bulk.preview(request(school, null, null));

    assertThat(preview.families()).isGreaterThan(100);
    assertThat(preview.maySend()).isFalse();
    assertThat(preview.refusal()).contains("needs the headteacher or an administrator");
    assertThatThrownBy(() -> bulk.start(request(school, null, null))).isInstanceOf(AccessDeniedException.class);
    assertThat(count("select count(*) from bulk_send", null)).isEqualTo(before);

    signIn("A teacher", StaffRole.TEACHER);
    assertThatThrownBy(() -> bulk.preview(request(year(7), null, null))).isInstanceOf(AccessDeniedException.class);
  }

  /** A year group of the academy with two pupils who share a guardian (siblings or twins). */
  private static int yearWithSiblings() throws SQLException {
    List<String[]> rows = query("select p1.year_group::text, count(*)::text, 'x' from pupil_guardian a join pupil_guardian b"
        + " on a.guardian_id = b.guardian_id and a.pupil_id < b.pupil_id join pupil p1 on p1.id = a.pupil_id"
        + " join pupil p2 on p2.id = b.pupil_id where p1.year_group = p2.year_group and p1.school_id = ?"
        + " and p2.school_id = p1.school_id and a.parental_responsibility and b.parental_responsibility"
        + " and p1.year_group not in (10, 11) group by p1.year_group order by 2 desc", academy);
    assertThat(rows).as("the demo academy has siblings in one year group").isNotEmpty();
    return Integer.parseInt(rows.get(0)[0]);
  }

  private static List<UUID> ids(UUID bulkId) throws SQLException {
    return query("select id::text, 'x', 'x' from outbound_message where bulk_send_id = ?", bulkId).stream()
        .map(r -> UUID.fromString(r[0])).toList();
  }

  private static List<String[]> query(String sql, Object param) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (param != null) {
        ps.setObject(1, param);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
    }
    return rows;
  }

  private static long count(String sql, Object... params) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (params != null) {
        for (int i = 0; i < params.length; i++) {
          ps.setObject(i + 1, params[i]);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The server's event bus, not needed here: the dispatcher is driven by the test. */
  private static final class NoEvents implements Event<MessagesQueued> {
    @Override
    public void fire(MessagesQueued event) {}

    @Override
    public <U extends MessagesQueued> CompletionStage<U> fireAsync(U event) {
      return null;
    }

    @Override
    public <U extends MessagesQueued> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
      return null;
    }

    @Override
    public Event<MessagesQueued> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends MessagesQueued> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      return null;
    }

    @Override
    public <U extends MessagesQueued> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
      return null;
    }
  }
}

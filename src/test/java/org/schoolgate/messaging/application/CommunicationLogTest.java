package org.schoolgate.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.schoolgate.directory.domain.Gender;
import org.schoolgate.directory.domain.Guardian;
import org.schoolgate.directory.domain.Phase;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.PupilAccessPolicy;
import org.schoolgate.directory.domain.PupilGuardian;
import org.schoolgate.directory.domain.RegisterTimes;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.TeachingGroup;
import org.schoolgate.directory.domain.Trust;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.DeliveryStatus;
import org.schoolgate.platform.persistence.TestDatabases;
import org.schoolgate.platform.persistence.TestDatabases.Database;
import org.schoolgate.platform.persistence.TestDatabases.Engine;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.InvalidInputException;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * The communication log on a real PostgreSQL: messages saved by the outbox and moved by the
 * dispatcher's outcomes and provider receipts, calls and notes recorded by staff, read back as a
 * pupil's and a family's timeline, and a parent's own message list.
 */
class CommunicationLogTest {

  @RegisterExtension static final TestDatabases databases = new TestDatabases();

  private static final AtomicInteger NUMBERS = new AtomicInteger(1);
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final OffsetDateTime MONDAY = LocalDate.of(2026, 11, 16).atTime(LocalTime.of(9, 0)).atZone(LONDON).toOffsetDateTime();
  private static final OffsetDateTime NOW = MONDAY.plusDays(4);

  private Database db;
  private DataSource dataSource;
  private OutboxStore outbox;
  private final SignedInAs signedIn = new SignedInAs();
  private final List<UUID> audited = new ArrayList<>();
  private CommunicationLog log;

  private School primary;
  private School academy;
  private TeachingGroup oak;
  private Pupil sam;
  private Pupil yasmin;
  private Pupil other;
  private Guardian mum;
  private Guardian dad;
  private Guardian otherParent;

  @BeforeEach
  void a_primary_with_two_siblings_and_an_academy() {
    db = databases.migrated(Engine.POSTGRESQL);
    dataSource = db.dataSource();
    outbox = new OutboxStore(dataSource);
    EntityManager em = db.entityManagerFactory().createEntityManager();
    em.getTransaction().begin();
    Trust trust = new Trust("Riverside Trust");
    em.persist(trust);
    primary = school(trust, "Riverside Primary", Phase.PRIMARY);
    academy = school(trust, "Riverside Academy", Phase.SECONDARY);
    em.persist(primary);
    em.persist(academy);
    oak = new TeachingGroup(primary, "Oak " + NUMBERS.incrementAndGet(), 2);
    em.persist(oak);
    sam = pupil(primary, "Sam", LocalDate.of(2019, 3, 1));
    sam.placeIn(oak);
    yasmin = pupil(primary, "Yasmin", LocalDate.of(2016, 5, 1));
    other = pupil(primary, "Olly", LocalDate.of(2018, 1, 1));
    em.persist(sam);
    em.persist(yasmin);
    em.persist(other);
    mum = new Guardian("Mrs", "Amira", "Haddad");
    dad = new Guardian("Mr", "Karim", "Haddad");
    otherParent = new Guardian("Ms", "Olive", "Other");
    em.persist(mum);
    em.persist(dad);
    em.persist(otherParent);
    em.persist(new PupilGuardian(sam, mum, "Mother", true, true, 1, true));
    em.persist(new PupilGuardian(yasmin, mum, "Mother", true, true, 1, true));
    em.persist(new PupilGuardian(sam, dad, "Father", true, false, 2, false));
    em.persist(new PupilGuardian(other, otherParent, "Mother", true, true, 1, true));
    em.getTransaction().commit();
    em.close();
    log = new CommunicationLog(dataSource, signedIn, this::schoolOfVisiblePupil, Clock.fixed(NOW.toInstant(), LONDON));
  }

  // ---- timelines ---------------------------------------------------------------------------------

  @Test
  void a_pupils_timeline_is_newest_first_with_each_message_as_sent_and_its_delivery_history() throws SQLException {
    UUID text = save(Channel.SMS, mum, "+447700123456", "Sam was absent this morning", MONDAY, sam, yasmin);
    sendAndRecord(text, DeliveryStatus.SENDING, null, null, MONDAY.plusMinutes(1));
    outbox.applyReceipt(new OutboxStore.Receipt("ref-" + text, DeliveryStatus.DELIVERED, "delivered", null, null), MONDAY.plusMinutes(2));
    UUID failed = save(Channel.SMS, dad, "+447700654321", "Sam was absent this morning", MONDAY.plusMinutes(5), sam);
    sendAndRecord(failed, DeliveryStatus.PERMANENT_FAILURE, "The number does not exist", null, MONDAY.plusMinutes(6));
    signedIn.as(staff(primary, StaffRole.OFFICE));
    log.record(LogEntry.withFamily(primary.getId(), mum.getId(), List.of(sam.getId()), LogKind.CALL, "Mum rang back", "Dentist, back at 11")
        .at(MONDAY.plusHours(1)));

    LogTimeline timeline = log.pupilTimeline(sam.getId(), LogFilter.all());

    assertThat(timeline.heading()).isEqualTo("Sam Haddad");
    assertThat(timeline.items()).extracting(LogItem::kind, LogItem::title)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LogKind.CALL, "Mum rang back"),
            org.assertj.core.groups.Tuple.tuple(LogKind.MESSAGE, "First-day absence"),
            org.assertj.core.groups.Tuple.tuple(LogKind.MESSAGE, "First-day absence"));
    LogItem call = timeline.items().get(0);
    assertThat(call.actor()).isEqualTo("Dave Office");
    assertThat(call.detail()).isEqualTo("Dentist, back at 11");
    assertThat(call.guardianName()).isEqualTo("Amira Haddad");

    LogMessage toDad = timeline.items().get(1).message();
    assertThat(toDad.status()).isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
    assertThat(toDad.statusLabel()).isEqualTo("Could not be delivered");
    assertThat(toDad.failureReason()).isEqualTo("The number does not exist");
    assertThat(toDad.destination()).isEqualTo("+447700654321");

    LogItem toMum = timeline.items().get(2);
    assertThat(toMum.pupils()).extracting(LogPupil::name).containsExactly("Yasmin Haddad", "Sam Haddad");
    assertThat(toMum.message().body()).isEqualTo("Sam was absent this morning");
    assertThat(toMum.message().channel()).isEqualTo(Channel.SMS);
    assertThat(toMum.message().status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(toMum.message().history()).extracting(LogStatusEvent::status)
        .containsExactly(DeliveryStatus.CREATED, DeliveryStatus.SENDING, DeliveryStatus.SENDING, DeliveryStatus.DELIVERED);
    assertThat(toMum.message().history().get(3).providerStatus()).isEqualTo("delivered");
    assertThat(toMum.message().hasPdf()).isFalse();
    assertThat(audited).contains(sam.getId());
  }

  @Test
  void a_letter_shows_its_address_on_one_line_and_that_a_pdf_is_stored() throws SQLException {
    UUID letter = save(Channel.LETTER, mum, "Mrs Haddad\n1 River Road\nLeeds LS1 1AA", "Dear Mrs Haddad", MONDAY, sam);
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement("insert into message_document (message_id, pdf, pages) values (?, ?, 1)")) {
      ps.setObject(1, letter);
      ps.setBytes(2, new byte[] {'%', 'P', 'D', 'F'});
      ps.executeUpdate();
    }
    signedIn.as(staff(primary, StaffRole.OFFICE));

    LogItem item = log.pupilTimeline(sam.getId(), LogFilter.all()).items().get(0);

    assertThat(item.kind()).isEqualTo(LogKind.LETTER);
    assertThat(item.message().destination()).isEqualTo("Mrs Haddad, 1 River Road, Leeds LS1 1AA");
    assertThat(item.message().hasPdf()).isTrue();
  }

  @Test
  void filters_narrow_the_timeline_by_kind_channel_status_dates_and_words() throws SQLException {
    UUID delivered = save(Channel.SMS, mum, "+447700123456", "Sam was absent on Monday", MONDAY, sam);
    sendAndRecord(delivered, DeliveryStatus.DELIVERED, null, null, MONDAY);
    UUID failed = save(Channel.EMAIL, mum, "amira@example.org", "Please ring the office", MONDAY.plusDays(1), sam);
    sendAndRecord(failed, DeliveryStatus.TECHNICAL_FAILURE, "The mail server refused it", null, MONDAY.plusDays(1));
    UUID uncertain = save(Channel.SMS, mum, "+447700123456", "Sam was late", MONDAY.plusDays(2), sam);
    sendAndRecord(uncertain, DeliveryStatus.SENDING, null, "No answer from the provider", MONDAY.plusDays(2));
    signedIn.as(staff(primary, StaffRole.OFFICE));
    log.record(LogEntry.about(primary.getId(), sam.getId(), LogKind.NOTE, "Spoke to Sam at break", "Worried about PE").at(MONDAY.plusDays(3)));
    log.record(LogEntry.about(primary.getId(), sam.getId(), LogKind.VISIT, "Home visit", "Nobody in").at(MONDAY.plusDays(3).plusHours(2)));

    assertThat(titles(LogFilter.all().withKinds(Set.of(LogKind.NOTE, LogKind.VISIT)))).containsExactly("Home visit", "Spoke to Sam at break");
    assertThat(bodies(LogFilter.all().withChannel(Channel.EMAIL))).containsExactly("Please ring the office");
    assertThat(bodies(LogFilter.all().withStatus(LogFilter.Status.FAILURES))).containsExactly("Please ring the office");
    assertThat(log.pupilTimeline(sam.getId(), LogFilter.all().withStatus(LogFilter.Status.NEEDS_REVIEW)).items())
        .singleElement()
        .satisfies(i -> {
          assertThat(i.message().body()).isEqualTo("Sam was late");
          assertThat(i.message().statusLabel()).isEqualTo("Needs checking");
          assertThat(i.message().reviewReason()).isEqualTo("No answer from the provider");
        });
    assertThat(bodies(LogFilter.all().between(MONDAY.toLocalDate().plusDays(1), MONDAY.toLocalDate().plusDays(2))))
        .containsExactly("Sam was late", "Please ring the office");
    assertThat(titles(LogFilter.all().matching("worried ABOUT"))).containsExactly("Spoke to Sam at break");
    assertThat(bodies(LogFilter.all().matching("ring the"))).containsExactly("Please ring the office");
    assertThat(titles(LogFilter.all().matching("100%"))).isEmpty();
    assertThat(log.pupilTimeline(sam.getId(), LogFilter.all().limitedTo(2)).items()).hasSize(2);
  }

  @Test
  void restricted_entries_are_seen_only_by_the_dsl_and_the_headteacher() {
    signedIn.as(staff(primary, StaffRole.OFFICE));
    log.record(LogEntry.about(primary.getId(), sam.getId(), LogKind.NOTE, "Disclosure at break", "Passed to DSL").restrictedToSafeguarding());
    log.record(LogEntry.about(primary.getId(), sam.getId(), LogKind.NOTE, "Forgot PE kit", null));

    assertThat(titles(LogFilter.all())).containsExactly("Forgot PE kit");
    assertThat(log.pupilTimeline(sam.getId(), LogFilter.all()).seesRestricted()).isFalse();
    assertThat(log.familyTimeline(mum.getId(), LogFilter.all()).items()).extracting(LogItem::title).containsExactly("Forgot PE kit");

    signedIn.as(staff(primary, StaffRole.DSL));
    assertThat(titles(LogFilter.all())).containsExactlyInAnyOrder("Disclosure at break", "Forgot PE kit");
    signedIn.as(staff(primary, StaffRole.HEADTEACHER));
    assertThat(log.familyTimeline(mum.getId(), LogFilter.all()).items()).extracting(LogItem::title)
        .containsExactlyInAnyOrder("Disclosure at break", "Forgot PE kit");

    signedIn.as(new SignedInUser(SignedInUser.Kind.STAFF, UUID.randomUUID(), "Lee Trust",
        Map.of(primary.getId(), Set.of(StaffRole.OFFICE), academy.getId(), Set.of(StaffRole.DSL)), Set.of(), null));
    assertThat(titles(LogFilter.all())).as("DSL at another school only").containsExactly("Forgot PE kit");
  }

  @Test
  void a_family_timeline_covers_both_children_and_shows_a_shared_message_once() throws SQLException {
    UUID both = save(Channel.SMS, mum, "+447700123456", "Sam and Yasmin were absent", MONDAY, sam, yasmin);
    save(Channel.SMS, mum, "+447700123456", "Yasmin was late", MONDAY.plusHours(1), yasmin);
    save(Channel.SMS, otherParent, "+447700999888", "Olly was absent", MONDAY.plusHours(2), other);
    signedIn.as(staff(primary, StaffRole.OFFICE));
    log.record(LogEntry.withFamily(primary.getId(), mum.getId(), List.of(sam.getId(), yasmin.getId()), LogKind.CALL,
        "Mum rang: medical appointment", "Both back after lunch").at(MONDAY.plusHours(3)));
    log.record(LogEntry.withFamily(primary.getId(), mum.getId(), List.of(), LogKind.MEETING, "Coffee morning", null).at(MONDAY.plusHours(4)));

    LogTimeline family = log.familyTimeline(mum.getId(), LogFilter.all());

    assertThat(family.heading()).isEqualTo("Amira Haddad");
    assertThat(family.pupils()).extracting(LogPupil::name).containsExactly("Yasmin Haddad", "Sam Haddad");
    assertThat(family.items()).extracting(LogItem::title, LogItem::pupilNames)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Coffee morning", ""),
            org.assertj.core.groups.Tuple.tuple("Mum rang: medical appointment", "Yasmin Haddad, Sam Haddad"),
            org.assertj.core.groups.Tuple.tuple("First-day absence", "Yasmin Haddad"),
            org.assertj.core.groups.Tuple.tuple("First-day absence", "Yasmin Haddad, Sam Haddad"));
    assertThat(family.items().get(3).message().id()).isEqualTo(both);
    assertThat(audited).contains(sam.getId(), yasmin.getId());
    assertThat(log.familyTimeline(mum.getId(), LogFilter.all().matching("Olly")).items()).isEmpty();
  }

  @Test
  void a_teacher_sees_only_the_children_they_teach_and_staff_of_another_school_see_no_family() throws SQLException {
    save(Channel.SMS, mum, "+447700123456", "Yasmin was late", MONDAY, yasmin);
    save(Channel.SMS, mum, "+447700123456", "Sam was absent", MONDAY.plusHours(1), sam);
    signedIn.as(new SignedInUser(SignedInUser.Kind.STAFF, UUID.randomUUID(), "Tess Teacher",
        Map.of(primary.getId(), Set.of(StaffRole.TEACHER)), Set.of(oak.getId()), null));

    assertThat(log.familyTimeline(mum.getId(), LogFilter.all()).items()).extracting(i -> i.message().body()).containsExactly("Sam was absent");
    assertThatThrownBy(() -> log.pupilTimeline(yasmin.getId(), LogFilter.all())).isInstanceOf(NotFoundException.class);

    signedIn.as(staff(academy, StaffRole.OFFICE));
    assertThatThrownBy(() -> log.familyTimeline(mum.getId(), LogFilter.all())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> log.pupilTimeline(sam.getId(), LogFilter.all())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void recording_refuses_what_an_office_would_get_wrong_and_writes_nothing() {
    signedIn.as(staff(primary, StaffRole.OFFICE));
    assertThatThrownBy(() -> log.record(LogEntry.about(primary.getId(), sam.getId(), LogKind.NOTE, "  ", null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("short title");
    assertThatThrownBy(() -> log.record(LogEntry.about(primary.getId(), sam.getId(), LogKind.MESSAGE, "Sent a text", null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("by themselves");
    assertThatThrownBy(() -> log.record(LogEntry.about(academy.getId(), sam.getId(), LogKind.NOTE, "Note", null)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> log.record(LogEntry.withFamily(primary.getId(), otherParent.getId(), List.of(sam.getId()), LogKind.CALL, "Rang", null)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> log.record(LogEntry.about(primary.getId(), sam.getId(), LogKind.CALL, "Rang", null).at(NOW.plusDays(1))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("future");
    signedIn.as(new SignedInUser(SignedInUser.Kind.STAFF, UUID.randomUUID(), "Tess Teacher",
        Map.of(primary.getId(), Set.of(StaffRole.TEACHER)), Set.of(oak.getId()), null));
    assertThatThrownBy(() -> log.record(LogEntry.about(primary.getId(), yasmin.getId(), LogKind.NOTE, "Note", null)))
        .isInstanceOf(NotFoundException.class);

    signedIn.as(staff(primary, StaffRole.DSL));
    assertThat(log.pupilTimeline(sam.getId(), LogFilter.all()).items()).isEmpty();
    assertThat(log.pupilTimeline(yasmin.getId(), LogFilter.all()).items()).isEmpty();
  }

  @Test
  void a_reply_recorded_on_the_schools_behalf_carries_the_familys_text() throws SQLException {
    UUID inbound = UUID.randomUUID();
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement(
            "insert into inbound_message (id, provider_reference, received_at, from_number, body, keyword, school_id, guardian_id, pupil_id)"
                + " values (?, ?, ?, '+447700123456', 'He has a temperature', 'NONE', ?, ?, ?)")) {
      ps.setObject(1, inbound);
      ps.setString(2, "SM" + inbound);
      ps.setObject(3, MONDAY);
      ps.setObject(4, primary.getId());
      ps.setObject(5, mum.getId());
      ps.setObject(6, sam.getId());
      ps.executeUpdate();
    }
    log.recordAsSchool(
        LogEntry.withFamily(primary.getId(), mum.getId(), List.of(sam.getId()), LogKind.REPLY, "Reply to the absence text", null)
            .inReplyTo(inbound).at(MONDAY),
        "Amira Haddad (parent)");

    signedIn.as(staff(primary, StaffRole.OFFICE));
    LogItem reply = log.pupilTimeline(sam.getId(), LogFilter.all().matching("temperature")).items().get(0);
    assertThat(reply.kind()).isEqualTo(LogKind.REPLY);
    assertThat(reply.actor()).isEqualTo("Amira Haddad (parent)");
    assertThat(reply.reply().body()).isEqualTo("He has a temperature");
  }

  // ---- parents -----------------------------------------------------------------------------------

  @Test
  void a_parent_reads_only_messages_sent_to_them_newest_first_with_the_children_named() throws SQLException {
    UUID first = save(Channel.SMS, mum, "+447700123456", "Sam and Yasmin were absent", MONDAY, sam, yasmin);
    sendAndRecord(first, DeliveryStatus.DELIVERED, null, null, MONDAY);
    UUID letter = save(Channel.LETTER, mum, "Mrs Haddad\n1 River Road", "Dear Mrs Haddad", MONDAY.plusDays(1), sam);
    sendAndRecord(letter, DeliveryStatus.SENT, null, null, MONDAY.plusDays(1));
    UUID toDad = save(Channel.SMS, dad, "+447700654321", "Sam was absent", MONDAY, sam);
    sendAndRecord(toDad, DeliveryStatus.DELIVERED, null, null, MONDAY);
    save(Channel.EMAIL, mum, "amira@example.org", "Waiting for the morning", NOW.plusHours(12), sam);

    signedIn.as(SignedInUser.parent(mum.getId(), "Amira Haddad", "ar"));
    List<LogParentMessage> messages = log.parentMessages(mum.getId());

    assertThat(messages).extracting(LogParentMessage::body).containsExactly("Dear Mrs Haddad", "Sam and Yasmin were absent");
    assertThat(messages.get(1).children()).containsExactly("Yasmin", "Sam");
    assertThat(messages.get(1).schoolName()).isEqualTo(primary.getName());
    assertThat(messages).noneMatch(LogParentMessage::isRead);
    assertThat(log.parentUnreadCount(mum.getId())).isEqualTo(2);

    log.markRead(first);
    log.markRead(first);

    assertThat(log.parentMessages(mum.getId()).get(1).readAt()).isEqualTo(NOW);
    assertThat(log.parentUnreadCount(mum.getId())).isEqualTo(1);
    assertThatThrownBy(() -> log.parentMessages(dad.getId())).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void a_parent_cannot_mark_another_familys_message_read() throws SQLException {
    UUID toDad = save(Channel.SMS, dad, "+447700654321", "Sam was absent", MONDAY, sam);
    sendAndRecord(toDad, DeliveryStatus.DELIVERED, null, null, MONDAY);

    signedIn.as(SignedInUser.parent(mum.getId(), "Amira Haddad", "en"));
    assertThatThrownBy(() -> log.markRead(toDad)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> log.markRead(UUID.randomUUID())).isInstanceOf(NotFoundException.class);

    signedIn.as(SignedInUser.parent(dad.getId(), "Karim Haddad", "en"));
    assertThat(log.parentMessages(dad.getId())).singleElement().satisfies(m -> assertThat(m.isRead()).isFalse());
    signedIn.as(staff(primary, StaffRole.OFFICE));
    assertThatThrownBy(() -> log.markRead(toDad)).isInstanceOf(AccessDeniedException.class);
    assertThat(log.pupilTimeline(sam.getId(), LogFilter.all()).items().get(0).message().readAt()).isNull();
  }

  // ---- helpers -----------------------------------------------------------------------------------

  private List<String> titles(LogFilter filter) {
    return log.pupilTimeline(sam.getId(), filter).items().stream().map(LogItem::title).toList();
  }

  private List<String> bodies(LogFilter filter) {
    return log.pupilTimeline(sam.getId(), filter).items().stream().map(i -> i.message().body()).toList();
  }

  /** Saves a message through the outbox, as the messaging service does. */
  private UUID save(Channel channel, Guardian to, String destination, String body, OffsetDateTime at, Pupil... about) throws SQLException {
    UUID id = UUID.randomUUID();
    List<UUID> pupils = java.util.Arrays.stream(about).map(Pupil::getId).toList();
    try (Connection c = dataSource.getConnection()) {
      outbox.insert(
          c,
          List.of(new OutboxStore.NewMessage(
              id, primary.getId(), to.getId(), channel, "first-day-absence", "first-day-absence", 0, "hash", "en", destination,
              channel == Channel.EMAIL ? "Absence" : null, body, null, "{}", null, null, at, null, null, "Dave Office", pupils,
              List.of("key-" + id), "First-day absence")),
          at.isAfter(NOW) ? NOW : at);
    }
    return id;
  }

  /** The dispatcher claims the message and records what the provider said. */
  private void sendAndRecord(UUID id, DeliveryStatus status, String failure, String review, OffsetDateTime at) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement(
            "update outbound_message set status = 'SENDING', claimed_at = ? where id = ?");
        var e = c.prepareStatement("insert into message_status_event (message_id, status, occurred_at) values (?, 'SENDING', ?)")) {
      ps.setObject(1, at);
      ps.setObject(2, id);
      ps.executeUpdate();
      e.setObject(1, id);
      e.setObject(2, at);
      e.executeUpdate();
    }
    outbox.record(List.of(new OutboxStore.Outcome(id, 0, status, "ref-" + id, status.name().toLowerCase(), null, failure, review, null, false, null)), at);
  }

  private static School school(Trust trust, String name, Phase phase) {
    return new School(trust, String.valueOf(200000 + NUMBERS.incrementAndGet()), name, phase,
        new RegisterTimes(LocalTime.of(8, 40), LocalTime.of(13, 10), 15, LocalTime.of(12, 0), LocalTime.of(15, 15)));
  }

  private static Pupil pupil(School school, String first, LocalDate born) {
    return new Pupil(school, String.format("A%012d", NUMBERS.incrementAndGet()), first, "Haddad", born, 2, Gender.FEMALE, LocalDate.of(2025, 9, 1));
  }

  private static SignedInUser staff(School school, StaffRole role) {
    return new SignedInUser(SignedInUser.Kind.STAFF, UUID.randomUUID(), "Dave Office", Map.of(school.getId(), Set.of(role)), Set.of(), null);
  }

  /** The directory's rule for staff, on the pupil as stored; each read noted as the audit would. */
  private UUID schoolOfVisiblePupil(UUID pupilId) {
    EntityManager em = db.entityManagerFactory().createEntityManager();
    try {
      Pupil pupil = em.find(Pupil.class, pupilId);
      if (pupil == null || !PupilAccessPolicy.staffMaySee(signedIn.require(), pupil)) {
        throw new NotFoundException("Pupil");
      }
      audited.add(pupilId);
      return pupil.getSchool().getId();
    } finally {
      em.close();
    }
  }

  /** The signed-in person, set by each test. */
  static final class SignedInAs extends CurrentUser {
    private SignedInUser user;

    void as(SignedInUser who) {
      user = who;
    }

    @Override
    public Optional<SignedInUser> get() {
      return Optional.ofNullable(user);
    }
  }
}

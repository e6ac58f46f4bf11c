package org.schoolgate.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.metamodel.EntityType;
import java.io.File;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.schoolgate.attendance.domain.AttendanceCase;
import org.schoolgate.attendance.domain.AttendanceTask;
import org.schoolgate.attendance.domain.CaseEvent;
import org.schoolgate.attendance.domain.MarkAmendment;
import org.schoolgate.attendance.domain.MarkSource;
import org.schoolgate.attendance.domain.RecommendedTransition;
import org.schoolgate.directory.application.GuardianLookup;
import org.schoolgate.directory.domain.AcademicTerm;
import org.schoolgate.directory.domain.CalendarClosure;
import org.schoolgate.directory.domain.ClosureKind;
import org.schoolgate.directory.domain.ContactChannel;
import org.schoolgate.directory.domain.EmailAddress;
import org.schoolgate.directory.domain.Gender;
import org.schoolgate.directory.domain.Guardian;
import org.schoolgate.directory.domain.Language;
import org.schoolgate.directory.domain.Phase;
import org.schoolgate.directory.domain.PhoneNumber;
import org.schoolgate.directory.domain.PostalAddress;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.PupilGuardian;
import org.schoolgate.directory.domain.RegisterTimes;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.SenStatus;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.directory.domain.StaffMember;
import org.schoolgate.directory.domain.StageModel;
import org.schoolgate.directory.domain.StageThresholds;
import org.schoolgate.directory.domain.TeachingGroup;
import org.schoolgate.directory.domain.ThresholdComparator;
import org.schoolgate.directory.domain.Trust;
import org.schoolgate.identity.domain.ApiSession;
import org.schoolgate.identity.domain.OneTimeCode;
import org.schoolgate.identity.domain.RoleAssignment;
import org.schoolgate.identity.domain.SignInAuditEntry;
import org.schoolgate.identity.domain.StaffAccount;
import org.schoolgate.platform.persistence.TestDatabases.Engine;
import org.schoolgate.platform.security.AccessAuditEntry;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;
import org.w3c.dom.NodeList;

/**
 * Every JPA entity, written with Java SE EclipseLink (the test unit, META-INF/persistence-test.xml)
 * into a schema built by the Flyway migrations, and read back through a new persistence context,
 * on PostgreSQL and on the demo's H2. Guardian look-ups run through {@link GuardianLookup} itself.
 */
class EntityMappingTest {

  @RegisterExtension static final TestDatabases databases = new TestDatabases();

  private static final AtomicInteger SEQUENCE = new AtomicInteger(100_000);

  /** 08:10:05.123456 on a summer morning in London (BST, +01:00): both databases keep microseconds. */
  private static final OffsetDateTime SUMMER_MORNING =
      OffsetDateTime.of(2026, 6, 17, 8, 10, 5, 123_456_000, ZoneOffset.ofHours(1));

  /** 08:10:05.654321 on a winter morning in London (GMT). */
  private static final OffsetDateTime WINTER_MORNING =
      OffsetDateTime.of(2026, 11, 18, 8, 10, 5, 654_321_000, ZoneOffset.UTC);

  @Test
  void the_test_unit_and_the_fixture_cover_every_entity_of_the_code_base() throws Exception {
    List<Class<?>> main = mainClasses();
    Set<Class<?>> entities = annotatedWith(main, Entity.class);
    Set<Class<?>> persistenceClasses = annotatedWith(main, Entity.class, MappedSuperclass.class, Embeddable.class, Converter.class);
    Set<Class<?>> inMetamodel =
        databases.migrated(Engine.H2).entityManagerFactory().getMetamodel().getEntities().stream()
            .map(EntityType::getJavaType)
            .collect(Collectors.toSet());
    Set<Class<?>> inFixture =
        new Fixture().all().stream().map(Object::getClass).collect(Collectors.toSet());

    assertThat(entities).as("@Entity classes in src/main/java").hasSizeGreaterThanOrEqualTo(15);
    // exclude-unlisted-classes: an entity or converter missing from the list is unknown to the tests
    assertThat(listedInTestUnit())
        .as("<class> elements of " + TestDatabases.PERSISTENCE_XML)
        .containsExactlyInAnyOrderElementsOf(persistenceClasses);
    assertThat(inMetamodel).as("entities EclipseLink knows").isEqualTo(entities);
    assertThat(inFixture).as("entities this test writes and reads").isEqualTo(entities);
  }

  @OnBothDatabases
  void every_entity_reads_back_with_every_field_intact(Engine engine) {
    EntityManagerFactory emf = databases.migrated(engine).entityManagerFactory();
    Fixture fixture = new Fixture();
    inTransaction(emf, em -> persistInOrder(em, fixture.all()));

    SoftAssertions softly = new SoftAssertions();
    for (Object written : fixture.all()) {
      String what = written.getClass().getSimpleName() + " on " + engine;
      Object id = emf.getPersistenceUnitUtil().getIdentifier(written);
      Object read;
      try {
        read = read(emf, em -> em.find(written.getClass(), id));
      } catch (RuntimeException e) {
        softly.fail("%s could not be read back: %s", what, e);
        continue;
      }
      softly
          .assertThat(read)
          .as(what)
          .isNotNull()
          .isNotSameAs(written)
          .usingRecursiveComparison()
          // numeric(p, s) columns come back at the column's scale: 2.5 reads as 2.50
          .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
          // the instant is kept; PostgreSQL hands the offset back as UTC
          .withComparatorForType(OffsetDateTime.timeLineOrder(), OffsetDateTime.class)
          .isEqualTo(written);
    }
    softly.assertAll();
  }

  @OnBothDatabases
  void a_code_request_for_an_unknown_destination_reads_back_without_a_guardian(Engine engine) {
    EntityManagerFactory emf = databases.migrated(engine).entityManagerFactory();
    OneTimeCode unanswerable = OneTimeCode.unanswerable("nobody@example.com", "203.0.113.8", WINTER_MORNING);
    inTransaction(emf, em -> em.persist(unanswerable));

    // a null uuid column: EclipseLink 4.0's UUIDConverter must give null, not fail
    OneTimeCode read = read(emf, em -> em.find(OneTimeCode.class, unanswerable.getId()));

    assertThat(read.getGuardianId()).isNull();
    assertThat(read.getCreatedAt()).isAtSameInstantAs(WINTER_MORNING);
    assertThat(read.attempt("123456", WINTER_MORNING, 5)).isEqualTo(OneTimeCode.Check.EXPIRED);
  }

  @OnBothDatabases
  void a_pupil_reads_back_with_its_school_trust_group_and_guardians(Engine engine) {
    EntityManagerFactory emf = databases.migrated(engine).entityManagerFactory();
    Fixture f = new Fixture();
    inTransaction(emf, em -> persistInOrder(em, f.all()));

    Pupil pupil = read(emf, em -> em.find(Pupil.class, f.pupil.getId()));
    List<PupilGuardian> links =
        read(
            emf,
            em ->
                em.createQuery(
                        "select l from PupilGuardian l where l.pupil.id = :p order by l.contactPriority",
                        PupilGuardian.class)
                    .setParameter("p", f.pupil.getId())
                    .getResultList());

    assertThat(pupil.getSchool().getId()).isEqualTo(f.school.getId());
    assertThat(pupil.getSchool().getTrust().getName()).isEqualTo("Northern Lights Academy Trust");
    assertThat(pupil.getGroup().getName()).isEqualTo("4KB");
    assertThat(pupil.getLegalFirstName()).isEqualTo("Zoë");
    assertThat(pupil.getLegalLastName()).isEqualTo("Łukasz-Brontë");
    assertThat(pupil.getSenStatus()).isEqualTo(SenStatus.EHCP);
    assertThat(pupil.getDateOfBirth()).isEqualTo(LocalDate.of(2016, 9, 14));
    assertThat(links)
        .extracting(l -> l.getGuardian().getId(), PupilGuardian::getContactPriority, PupilGuardian::mayAccessChild)
        .containsExactly(
            tuple(f.mother.getId(), 1, true),
            tuple(f.father.getId(), 2, false));
  }

  @OnBothDatabases
  void a_school_keeps_its_register_times_session_hours_and_thresholds(Engine engine) {
    EntityManagerFactory emf = databases.migrated(engine).entityManagerFactory();
    Fixture f = new Fixture();
    inTransaction(emf, em -> persistInOrder(em, f.all()));

    School school = read(emf, em -> em.find(School.class, f.school.getId()));

    assertThat(school.registerTimes())
        .isEqualTo(
            new RegisterTimes(LocalTime.of(8, 40), LocalTime.of(13, 10), 30, LocalTime.of(12, 0), LocalTime.of(15, 15)));
    assertThat(school.getAmSessionHours()).isEqualByComparingTo("2.75");
    assertThat(school.getPmSessionHours()).isEqualByComparingTo("3.25");
    assertThat(school.stageThresholds().facilitate()).isEqualByComparingTo("89.95");
    assertThat(school.stageThresholds().listenComparator()).isEqualTo(ThresholdComparator.BELOW);
    assertThat(school.getStageModel()).isEqualTo(StageModel.TWIN_TRACK);
    assertThat(school.getPhase()).isEqualTo(Phase.ALL_THROUGH);
    assertThat(school.zone()).isEqualTo(ZoneId.of("Europe/London"));
  }

  @OnBothDatabases
  void a_guardian_keeps_numbers_in_e164_and_absent_details_stay_empty(Engine engine) {
    EntityManagerFactory emf = databases.migrated(engine).entityManagerFactory();
    Guardian withDetails = new Guardian("Mrs", "Amira", "Khan");
    withDetails.changeContactDetails(
        Optional.of(PhoneNumber.parse("Mobile", "07911 123456")),
        Optional.of(PhoneNumber.parse("Landline", "0113 243 0000")),
        Optional.of(EmailAddress.parse("Email", " Amira.Khan@Example.COM ")));
    withDetails.changeAddress(new PostalAddress("12 Ash Grove", null, "Leeds", "LS6 2AA"));
    withDetails.changePreferences(Language.UR, ContactChannel.EMAIL);
    Guardian withNothing = new Guardian(null, "Piotr", "Nowak");
    inTransaction(
        emf,
        em -> {
          em.persist(withDetails);
          em.persist(withNothing);
        });

    Guardian read = read(emf, em -> em.find(Guardian.class, withDetails.getId()));
    Guardian empty = read(emf, em -> em.find(Guardian.class, withNothing.getId()));

    assertThat(read.mobile()).contains(new PhoneNumber("+447911123456"));
    assertThat(read.landline()).contains(new PhoneNumber("+441132430000"));
    assertThat(read.email()).contains(new EmailAddress("Amira.Khan@example.com"));
    assertThat(read.address()).contains(new PostalAddress("12 Ash Grove", null, "Leeds", "LS6 2AA"));
    assertThat(read.language()).isEqualTo(Language.UR);
    assertThat(read.getPreferredChannel()).isEqualTo(ContactChannel.EMAIL);
    assertThat(empty.mobile()).isEmpty();
    assertThat(empty.landline()).isEmpty();
    assertThat(empty.email()).isEmpty();
    assertThat(empty.address()).isEmpty();
    assertThat(empty.getTitle()).isNull();
    assertThat(empty.language()).isEqualTo(Language.EN);
  }

  @OnBothDatabases
  void guardian_lookup_finds_guardians_with_portal_access_by_phone(Engine engine) throws Exception {
    EntityManagerFactory emf = databases.migrated(engine).entityManagerFactory();
    Fixture f = new Fixture();
    PhoneNumber phone = new PhoneNumber("+4479111" + SEQUENCE.incrementAndGet());
    Guardian byMobile = guardian("Amira", "Khan", phone, null, null);
    Guardian byLandline = guardian("Bilal", "Ahmed", null, phone, null);
    Guardian noContact = guardian("Carl", "Brown", phone, null, null);
    Guardian noResponsibility = guardian("Dana", "Evans", phone, null, null);
    Guardian notLinked = guardian("Erin", "Foster", phone, null, null);
    Guardian otherNumber = guardian("Faye", "Green", new PhoneNumber("+447911000001"), null, null);
    PupilGuardian barred = new PupilGuardian(f.pupil, noContact, "Father", true, false, 3, false);
    barred.restrictContact(true, "Court order");
    inTransaction(
        emf,
        em -> {
          persistInOrder(em, f.all());
          List.of(byMobile, byLandline, noContact, noResponsibility, notLinked, otherNumber).forEach(em::persist);
          em.persist(new PupilGuardian(f.pupil, byMobile, "Mother", true, true, 3, true));
          em.persist(new PupilGuardian(f.sibling, byMobile, "Mother", true, true, 1, true));
          em.persist(new PupilGuardian(f.pupil, byLandline, "Stepfather", true, true, 4, false));
          em.persist(barred);
          em.persist(new PupilGuardian(f.sibling, noResponsibility, "Aunt", false, false, 2, false));
          em.persist(new PupilGuardian(f.sibling, otherNumber, "Grandmother", true, false, 3, false));
        });

    List<Guardian> found = readWithLookup(emf, lookup -> lookup.withPortalAccessByPhone(phone));

    // once each, though the mother is linked to two children; ordered by last name
    assertThat(found).extracting(Guardian::getId).containsExactly(byLandline.getId(), byMobile.getId());
    assertThat(found.get(1).mobile()).contains(phone);
  }

  @OnBothDatabases
  void guardian_lookup_finds_guardians_with_portal_access_by_email_in_any_case(Engine engine) throws Exception {
    EntityManagerFactory emf = databases.migrated(engine).entityManagerFactory();
    Fixture f = new Fixture();
    int n = SEQUENCE.incrementAndGet();
    EmailAddress stored = EmailAddress.parse("Email", "Amira.Khan+" + n + "@Example.com");
    Guardian mother = guardian("Amira", "Khan", null, null, stored);
    Guardian barredFather = guardian("Carl", "Khan", null, null, EmailAddress.parse("Email", "amira.khan+" + n + "@example.com"));
    PupilGuardian barred = new PupilGuardian(f.pupil, barredFather, "Father", true, false, 2, false);
    barred.restrictContact(true, "Court order");
    inTransaction(
        emf,
        em -> {
          persistInOrder(em, f.all());
          em.persist(mother);
          em.persist(barredFather);
          em.persist(new PupilGuardian(f.pupil, mother, "Mother", true, true, 3, true));
          em.persist(barred);
        });

    List<Guardian> found =
        readWithLookup(emf, lookup -> lookup.withPortalAccessByEmail(new EmailAddress("AMIRA.KHAN+" + n + "@EXAMPLE.COM")));

    assertThat(stored.value()).isEqualTo("Amira.Khan+" + n + "@example.com");
    assertThat(found).extracting(Guardian::getId).containsExactly(mother.getId());
    assertThat(found.get(0).email()).contains(stored);
  }

  @OnBothDatabases
  void a_timestamp_query_in_london_summer_time_compares_instants(Engine engine) {
    EntityManagerFactory emf = databases.migrated(engine).entityManagerFactory();
    String destination = "+4479112" + SEQUENCE.incrementAndGet();
    inTransaction(
        emf,
        em -> {
          em.persist(OneTimeCode.unanswerable(destination, "203.0.113.9", SUMMER_MORNING.minusMinutes(61)));
          em.persist(OneTimeCode.unanswerable(destination, "203.0.113.9", SUMMER_MORNING.minusMinutes(59)));
        });

    // ParentSignIn's rate limit: codes for this destination in the last hour
    long lastHour =
        read(
            emf,
            em ->
                em.createQuery(
                        "select count(c) from OneTimeCode c where c.destinationHash = :d and c.createdAt > :t",
                        Long.class)
                    .setParameter("d", OneTimeCode.sha256(destination))
                    .setParameter("t", SUMMER_MORNING.minusHours(1))
                    .getSingleResult());

    assertThat(lastHour).isEqualTo(1);
  }

  @OnBothDatabases
  void timestamps_keep_their_instant_when_the_server_runs_in_london_time(Engine engine) {
    EntityManagerFactory emf = databases.migrated(engine).entityManagerFactory();
    TimeZone original = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/London"));
    try {
      ApiSession summer = ApiSession.open(SignedInUser.Kind.PARENT, UUID.randomUUID(), SUMMER_MORNING, 12).session();
      ApiSession winter = ApiSession.open(SignedInUser.Kind.STAFF, UUID.randomUUID(), WINTER_MORNING, 12).session();
      inTransaction(
          emf,
          em -> {
            em.persist(summer);
            em.persist(winter);
          });

      List<ApiSession> read =
          read(
              emf,
              em ->
                  em.createQuery(
                          "select s from ApiSession s where s.principalId in :ids order by s.expiresAt", ApiSession.class)
                      .setParameter("ids", List.of(summer.getPrincipalId(), winter.getPrincipalId()))
                      .getResultList());

      assertThat(read).hasSize(2);
      assertThat(read.get(0).getExpiresAt()).isAtSameInstantAs(SUMMER_MORNING.plusHours(12));
      assertThat(read.get(1).getExpiresAt()).isAtSameInstantAs(WINTER_MORNING.plusHours(12));
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @OnBothDatabases
  void a_stale_copy_of_a_guardian_cannot_overwrite_a_newer_one(Engine engine) {
    EntityManagerFactory emf = databases.migrated(engine).entityManagerFactory();
    Guardian guardian = new Guardian("Mrs", "Amira", "Khan");
    inTransaction(emf, em -> em.persist(guardian));
    Guardian stale = read(emf, em -> em.find(Guardian.class, guardian.getId()));

    inTransaction(emf, em -> em.find(Guardian.class, guardian.getId()).rename("Dr", "Amira", "Khan"));
    stale.rename("Ms", "Amira", "Khan");

    assertThatThrownBy(() -> inTransaction(emf, em -> em.merge(stale)))
        .isInstanceOf(OptimisticLockException.class);
    Guardian current = read(emf, em -> em.find(Guardian.class, guardian.getId()));
    assertThat(current.getTitle()).isEqualTo("Dr");
    assertThat(current.getVersion()).isEqualTo(2);
  }

  // ---- fixture and helpers -----------------------------------------------------------------------

  /** One of every entity, linked as the application links them, every optional field filled in. */
  private static final class Fixture {
    final Trust trust = new Trust("Northern Lights Academy Trust");
    final School school;
    final AcademicTerm term;
    final CalendarClosure closure;
    final TeachingGroup group;
    final Pupil pupil;
    final Pupil sibling;
    final Guardian mother;
    final Guardian father;
    final PupilGuardian motherLink;
    final PupilGuardian fatherLink;
    final StaffMember staff;
    final StaffAccount account;
    final RoleAssignment role;
    final OneTimeCode code;
    final ApiSession session;
    final SignInAuditEntry signIn;
    final AccessAuditEntry access;
    final MarkAmendment amendment;
    final AttendanceTask task;
    final AttendanceCase attendanceCase;
    final CaseEvent caseEvent;
    final RecommendedTransition recommendation;

    Fixture() {
      int n = SEQUENCE.incrementAndGet();
      school =
          new School(
              trust,
              String.valueOf(n),
              "Ash Grove All-Through",
              Phase.ALL_THROUGH,
              new RegisterTimes(LocalTime.of(8, 40), LocalTime.of(13, 10), 30, LocalTime.of(12, 0), LocalTime.of(15, 15)));
      school.changeSessionLengths(new BigDecimal("2.75"), new BigDecimal("3.25"), 4, 3);
      school.changeStageThresholds(
          StageModel.TWIN_TRACK,
          new StageThresholds(
              new BigDecimal("95.5"), ThresholdComparator.BELOW,
              new BigDecimal("89.95"), ThresholdComparator.AT_OR_BELOW,
              new BigDecimal("50"), ThresholdComparator.BELOW));
      school.changeBranding("ash-grove", "#1a4f8b");
      school.changeContactDetails("1 Ash Grove, Leeds LS6 2AA", "0113 243 0000", "office@ashgrove.example", "Mrs Ada Okafor");
      school.changeTriggerSettings(12, 6, 4, 5, 15);
      term = new AcademicTerm(school, "Autumn 2026", LocalDate.of(2026, 9, 2), LocalDate.of(2026, 12, 18));
      closure =
          new CalendarClosure(
              school, ClosureKind.INSET, LocalDate.of(2026, 10, 23), LocalDate.of(2026, 10, 23),
              CalendarClosure.Sessions.PM, "Staff training");
      group = new TeachingGroup(school, "4KB", 4);

      pupil =
          new Pupil(
              school, String.format("A%012d", n), "Zoë", "Łukasz-Brontë", LocalDate.of(2016, 9, 14), 3,
              Gender.FEMALE, LocalDate.of(2020, 9, 2));
      pupil.rename("Zoë", "Łukasz-Brontë", "Zo", "Brontë");
      pupil.placeIn(group);
      pupil.changeNeeds(SenStatus.EHCP, true, true);
      pupil.changeSafeguardingFlags(true, false, true, false, true);
      pupil.changeRoll(LocalDate.of(2020, 9, 2), LocalDate.of(2027, 7, 21), true);
      pupil.requireMedicalEvidence(true, "Frequent illness absence");
      sibling =
          new Pupil(
              school, String.format("B%012d", n), "Adam", "Khan", LocalDate.of(2019, 1, 31), 1, Gender.MALE,
              LocalDate.of(2023, 9, 4));

      mother = new Guardian("Mrs", "Amira", "Khan");
      mother.changeContactDetails(
          Optional.of(PhoneNumber.parse("Mobile", "07911 123456")),
          Optional.of(PhoneNumber.parse("Landline", "0113 243 0000")),
          Optional.of(EmailAddress.parse("Email", "Amira.Khan@Example.COM")));
      mother.changeAddress(new PostalAddress("12 Ash Grove", "Headingley", "Leeds", "LS6 2AA"));
      mother.changePreferences(Language.PL, ContactChannel.EMAIL);
      mother.optOutOfSms(true);
      father = new Guardian(null, "Omar", "Khan");
      motherLink = new PupilGuardian(pupil, mother, "Mother", true, true, 1, true);
      fatherLink = new PupilGuardian(pupil, father, "Father", true, false, 2, false);
      fatherLink.restrictContact(true, "Court order of 3 March 2026");

      staff = new StaffMember(trust, "Mr", "Tomasz", "Nowak", EmailAddress.parse("Email", "t.nowak@nlat.example"), "Attendance officer");
      account = new StaffAccount(staff, " T.Nowak" + n, "pbkdf2-sha256$600000$c2FsdA$aGFzaA");
      account.recordFailure(WINTER_MORNING, 1, Duration.ofMinutes(15));
      account.recordFailure(WINTER_MORNING, 5, Duration.ofMinutes(15));
      role = new RoleAssignment(staff, StaffRole.TRUST_ATTENDANCE_LEAD, school);

      OneTimeCode.Issued issued = OneTimeCode.issue(mother.getId(), "+447911123456", "203.0.113.7", SUMMER_MORNING, 10);
      code = issued.record();
      code.attempt(issued.code().equals("000000") ? "111111" : "000000", SUMMER_MORNING.plusMinutes(1), 5);
      code.attempt(issued.code(), SUMMER_MORNING.plusMinutes(2), 5);
      session = ApiSession.open(SignedInUser.Kind.PARENT, mother.getId(), SUMMER_MORNING, 12).session();
      signIn = new SignInAuditEntry(SUMMER_MORNING, "PARENT", SignInAuditEntry.mask("+447911123456"), "CODE_SENT", "2001:db8::1");
      access = new AccessAuditEntry(WINTER_MORNING, staff.getId(), pupil.getId(), "GET /api/pupils/" + pupil.getId());
      pupil.changeYouthOffendingWorker(true);
      pupil.expectBackFromIllness(LocalDate.of(2026, 12, 14));

      amendment =
          new MarkAmendment(
              pupil.getId(), LocalDate.of(2026, 11, 16), Session.PM, "N", "I", "Mother rang: Zoë has a temperature",
              staff.getId(), "Tomasz Nowak", "Attendance officer", WINTER_MORNING, MarkSource.OFFICE);
      task =
          new AttendanceTask(
              school.getId(), pupil.getId(), "HOME_VISIT", "T-HV3", "Home visit", "T-HV3:" + pupil.getId() + ":2026-11-16:1",
              LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 18), StaffRole.ATTENDANCE_OFFICER, true,
              "Third day of unexplained absence", WINTER_MORNING);
      task.assignTo(staff.getId());
      task.complete("Visited with K. Patel: Zoë seen, unwell, back Monday", staff.getId(), WINTER_MORNING.plusHours(3));
      attendanceCase = new AttendanceCase(pupil.getId(), school.getId(), "FOUR_STAGE", "S1", LocalDate.of(2026, 10, 5), SUMMER_MORNING);
      attendanceCase.moveTo("S2", LocalDate.of(2026, 11, 18), "89.9% (251 of 279 sessions)", WINTER_MORNING);
      attendanceCase.nameLeadProfessional(staff.getId(), WINTER_MORNING);
      caseEvent =
          new CaseEvent(
              attendanceCase.getId(), WINTER_MORNING, CaseEvent.STAGE_CHANGED, "S1", "S2", staff.getId(), "Tomasz Nowak",
              "Confirmed at the fortnightly attendance meeting");
      recommendation =
          new RecommendedTransition(
              pupil.getId(), school.getId(), "S1", "S2", "89.9% (251 of 279 sessions)", "Persistently absent",
              true, false, false, WINTER_MORNING);
      recommendation.confirm(staff.getId(), "Agreed with the head of year", WINTER_MORNING.plusMinutes(5));
    }

    /** Parents before children, the order a service would persist them in. */
    List<Object> all() {
      return List.of(
          trust, school, term, closure, group, pupil, sibling, mother, father, motherLink, fatherLink, staff,
          account, role, code, session, signIn, access, amendment, task, attendanceCase, caseEvent, recommendation);
    }
  }

  /**
   * Persists and flushes one record at a time: records that refer to others by id alone (tasks,
   * cases, amendments) give EclipseLink no relationship to order the inserts by.
   */
  private static void persistInOrder(EntityManager em, List<Object> records) {
    for (Object record : records) {
      em.persist(record);
      em.flush();
    }
  }

  /** Every class compiled from src/main/java (where BaseEntity lives), loaded without running it. */
  private static List<Class<?>> mainClasses() throws Exception {
    Path root = Path.of(BaseEntity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ClassLoader loader = BaseEntity.class.getClassLoader();
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
        if (!name.endsWith("package-info") && !name.equals("module-info")) {
          classes.add(Class.forName(name, false, loader));
        }
      }
    }
    return classes;
  }

  @SafeVarargs
  private static Set<Class<?>> annotatedWith(List<Class<?>> classes, Class<? extends Annotation>... annotations) {
    return classes.stream()
        .filter(c -> Stream.of(annotations).anyMatch(c::isAnnotationPresent))
        .collect(Collectors.toSet());
  }

  private static List<Class<?>> listedInTestUnit() throws Exception {
    List<Class<?>> listed = new ArrayList<>();
    try (InputStream in = EntityMappingTest.class.getClassLoader().getResourceAsStream(TestDatabases.PERSISTENCE_XML)) {
      NodeList classes =
          DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(in).getElementsByTagName("class");
      for (int i = 0; i < classes.getLength(); i++) {
        listed.add(Class.forName(classes.item(i).getTextContent().trim()));
      }
    }
    return listed;
  }

  private static Guardian guardian(String first, String last, PhoneNumber mobile, PhoneNumber landline, EmailAddress email) {
    Guardian g = new Guardian(null, first, last);
    g.changeContactDetails(Optional.ofNullable(mobile), Optional.ofNullable(landline), Optional.ofNullable(email));
    return g;
  }

  private static void inTransaction(EntityManagerFactory emf, Consumer<EntityManager> work) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      work.accept(em);
      em.getTransaction().commit();
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  /** Reads through a new persistence context (and no shared cache), so values come from the database. */
  private static <T> T read(EntityManagerFactory emf, Function<EntityManager, T> query) {
    EntityManager em = emf.createEntityManager();
    try {
      return query.apply(em);
    } finally {
      em.close();
    }
  }

  /** Runs the application's GuardianLookup, its EntityManager set as the container would inject it. */
  private static <T> T readWithLookup(EntityManagerFactory emf, Function<GuardianLookup, T> call) throws Exception {
    EntityManager em = emf.createEntityManager();
    try {
      GuardianLookup lookup = new GuardianLookup();
      Field injected = GuardianLookup.class.getDeclaredField("em");
      injected.setAccessible(true);
      injected.set(lookup, em);
      return call.apply(lookup);
    } finally {
      em.close();
    }
  }
}

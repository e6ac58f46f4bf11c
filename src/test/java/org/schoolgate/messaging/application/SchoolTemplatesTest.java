package org.schoolgate.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.schoolgate.messaging.application.SchoolTemplates.State;
import org.schoolgate.messaging.application.SchoolTemplates.Version;
import org.schoolgate.messaging.template.MessageTemplate;
import org.schoolgate.platform.persistence.OnBothDatabases;
import org.schoolgate.platform.persistence.TestDatabases;
import org.schoolgate.platform.persistence.TestDatabases.Engine;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * A school's own wording of a template, through the service's SQL on PostgreSQL and on the demo's
 * H2: Priya (attendance officer) writes, Mr Okafor (headteacher) signs off, Ms Hale (administrator)
 * is the second senior. Uses Schoolgate's sign-in code template (SMS and email, ((code)) and ((minutes))).
 */
class SchoolTemplatesTest {

  @RegisterExtension static final TestDatabases databases = new TestDatabases();

  private static final String TEMPLATE = "sign-in-code";
  private static final AtomicInteger URNS = new AtomicInteger(300000);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneId.of("Europe/London"));

  /** One school with its staff, and the service as each of them would see it. */
  record School(UUID id, DataSource db, Staff priya, Staff okafor, Staff hale) {
    SchoolTemplates as(Staff staff) {
      return service(db, staff == null ? null : staff.user());
    }
  }

  record Staff(UUID id, SignedInUser user) {}

  @OnBothDatabases
  void a_draft_is_not_used_until_a_senior_signs_it_off(Engine engine) throws SQLException {
    School school = school(engine, true);
    MessageTemplate ours = school.as(null).ours(TEMPLATE);

    int version = school.as(school.priya()).saveDraft(school.id(), TEMPLATE, Map.of("sms", ourSms()), "Friendlier opening");

    assertThat(version).isEqualTo(1);
    assertThat(school.as(null).inUse(school.id(), TEMPLATE).version()).isZero();
    assertThat(smsInUse(school)).isEqualTo(ours.text("sms", "en"));

    school.as(school.priya()).submit(school.id(), TEMPLATE, 1);
    assertThat(school.as(null).inUse(school.id(), TEMPLATE).version()).isZero();

    school.as(school.okafor()).signOff(school.id(), TEMPLATE, 1);

    SchoolTemplates.InUse inUse = school.as(null).inUse(school.id(), TEMPLATE);
    assertThat(inUse.version()).isEqualTo(1);
    assertThat(inUse.template().text("sms", "en")).isEqualTo(ourSms());
    assertThat(inUse.template().hash()).isNotEqualTo(ours.hash());
    assertThat(inUse.template().text("email", "pl")).as("parts the school did not change keep our wording")
        .isEqualTo(ours.text("email", "pl"));
    Version history = school.as(school.priya()).versions(school.id(), TEMPLATE).get(0);
    assertThat(history.state()).isEqualTo(State.SIGNED_OFF);
    assertThat(history.author()).isEqualTo("Ms Priya Shah");
    assertThat(history.decidedBy()).isEqualTo("Mr David Okafor");
    assertThat(history.decidedAt()).isNotNull();
    assertThat(history.note()).isEqualTo("Friendlier opening");
  }

  @OnBothDatabases
  void a_newer_draft_leaves_the_signed_off_wording_in_use_and_signing_it_off_replaces_it(Engine engine) throws SQLException {
    School school = school(engine, true);
    SchoolTemplates priya = school.as(school.priya());
    SchoolTemplates okafor = school.as(school.okafor());
    priya.saveDraft(school.id(), TEMPLATE, Map.of("sms", "Version two: your code is ((code)), for ((minutes)) minutes."), null);
    priya.submit(school.id(), TEMPLATE, 1);
    okafor.signOff(school.id(), TEMPLATE, 1);

    int next = priya.saveDraft(school.id(), TEMPLATE, Map.of("sms", "Version three: code ((code)), ((minutes)) minutes."), null);
    assertThat(next).isEqualTo(2);
    assertThat(smsInUse(school)).startsWith("Version two");
    priya.submit(school.id(), TEMPLATE, 2);
    assertThat(smsInUse(school)).as("awaiting sign-off is not in use either").startsWith("Version two");

    okafor.signOff(school.id(), TEMPLATE, 2);

    assertThat(school.as(null).inUse(school.id(), TEMPLATE).version()).isEqualTo(2);
    assertThat(smsInUse(school)).startsWith("Version three");
    assertThat(priya.versions(school.id(), TEMPLATE)).extracting(Version::version, Version::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, State.SIGNED_OFF), org.assertj.core.groups.Tuple.tuple(1, State.SUPERSEDED));
    assertThat(priya.draft(school.id(), TEMPLATE, 1).text("sms", "en")).as("old versions can still be read").startsWith("Version two");
  }

  @OnBothDatabases
  void an_unknown_field_is_refused_with_the_fields_allowed_and_nothing_is_stored(Engine engine) throws SQLException {
    School school = school(engine, true);

    assertThatThrownBy(
            () -> school.as(school.priya()).saveDraft(
                school.id(), TEMPLATE, Map.of("sms", "Hi ((pupil_nickname)), your code is ((code))"), "Nickname"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("((pupil_nickname)) is not a field")
        .hasMessageContaining("Fields you can use: code, minutes")
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("sms"));

    assertThat(count(school, "select count(*) from message_template_version where school_id = ?")).isZero();
    assertThat(count(school, "select count(*) from message_template_text t join message_template_version v on v.id = t.version_id"
        + " where v.school_id = ?")).isZero();
  }

  @OnBothDatabases
  void an_attendance_officer_cannot_sign_off_and_the_version_stays_waiting(Engine engine) throws SQLException {
    School school = school(engine, true);
    SchoolTemplates priya = school.as(school.priya());
    priya.saveDraft(school.id(), TEMPLATE, Map.of("sms", ourSms()), null);
    priya.submit(school.id(), TEMPLATE, 1);

    assertThatThrownBy(() -> priya.signOff(school.id(), TEMPLATE, 1))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage("Only the headteacher or an administrator can sign off a template");
    assertThatThrownBy(() -> priya.reject(school.id(), TEMPLATE, 1, "Not mine to return"))
        .isInstanceOf(AccessDeniedException.class);

    assertThat(priya.versions(school.id(), TEMPLATE).get(0).state()).isEqualTo(State.AWAITING_SIGN_OFF);
    assertThat(school.as(null).inUse(school.id(), TEMPLATE).version()).isZero();
  }

  @OnBothDatabases
  void a_head_cannot_sign_off_their_own_wording_while_another_senior_can(Engine engine) throws SQLException {
    School school = school(engine, true);
    SchoolTemplates okafor = school.as(school.okafor());
    okafor.saveDraft(school.id(), TEMPLATE, Map.of("sms", ourSms()), null);
    okafor.submit(school.id(), TEMPLATE, 1);

    assertThatThrownBy(() -> okafor.signOff(school.id(), TEMPLATE, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("You wrote version 1, so another headteacher or administrator must sign it off");
    assertThat(school.as(null).inUse(school.id(), TEMPLATE).version()).isZero();

    school.as(school.hale()).signOff(school.id(), TEMPLATE, 1);
    assertThat(school.as(null).inUse(school.id(), TEMPLATE).version()).isEqualTo(1);
  }

  @OnBothDatabases
  void a_head_who_is_the_only_senior_signs_off_their_own_wording(Engine engine) throws SQLException {
    School school = school(engine, false);
    SchoolTemplates okafor = school.as(school.okafor());
    okafor.saveDraft(school.id(), TEMPLATE, Map.of("sms", ourSms()), null);
    okafor.submit(school.id(), TEMPLATE, 1);

    okafor.signOff(school.id(), TEMPLATE, 1);

    assertThat(school.as(null).inUse(school.id(), TEMPLATE).version()).isEqualTo(1);
  }

  @OnBothDatabases
  void a_returned_version_keeps_the_reason_and_is_never_used(Engine engine) throws SQLException {
    School school = school(engine, true);
    SchoolTemplates priya = school.as(school.priya());
    priya.saveDraft(school.id(), TEMPLATE, Map.of("sms", ourSms()), "Shorter");
    priya.submit(school.id(), TEMPLATE, 1);

    assertThatThrownBy(() -> school.as(school.okafor()).reject(school.id(), TEMPLATE, 1, "  "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Say why");
    school.as(school.okafor()).reject(school.id(), TEMPLATE, 1, "Please say how long the code lasts");

    Version returned = priya.versions(school.id(), TEMPLATE).get(0);
    assertThat(returned.state()).isEqualTo(State.RETURNED);
    assertThat(returned.note()).isEqualTo("Shorter\nNot signed off by Mr David Okafor: Please say how long the code lasts");
    assertThatThrownBy(() -> school.as(school.hale()).signOff(school.id(), TEMPLATE, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("only a version awaiting sign-off can be signed off");
    assertThat(school.as(null).inUse(school.id(), TEMPLATE).version()).isZero();
  }

  @OnBothDatabases
  void retiring_goes_back_to_schoolgate_wording(Engine engine) throws SQLException {
    School school = school(engine, true);
    SchoolTemplates priya = school.as(school.priya());
    priya.saveDraft(school.id(), TEMPLATE, Map.of("sms", "Ours: ((code)) for ((minutes)) minutes."), null);
    priya.submit(school.id(), TEMPLATE, 1);
    school.as(school.okafor()).signOff(school.id(), TEMPLATE, 1);
    assertThat(smsInUse(school)).startsWith("Ours:");

    assertThatThrownBy(() -> priya.retire(school.id(), TEMPLATE)).isInstanceOf(AccessDeniedException.class);
    school.as(school.okafor()).retire(school.id(), TEMPLATE);

    assertThat(school.as(null).inUse(school.id(), TEMPLATE).version()).isZero();
    assertThat(smsInUse(school)).isEqualTo(school.as(null).ours(TEMPLATE).text("sms", "en"));
    Version retired = priya.versions(school.id(), TEMPLATE).get(0);
    assertThat(retired.state()).isEqualTo(State.RETIRED);
    assertThat(retired.note()).isEqualTo("Retired by Mr David Okafor on 2026-11-23");
    assertThatThrownBy(() -> school.as(school.okafor()).retire(school.id(), TEMPLATE))
        .hasMessage("The school already uses Schoolgate's wording of this template");
  }

  @OnBothDatabases
  void staff_of_another_school_and_teachers_cannot_read_or_write_its_wording(Engine engine) throws SQLException {
    School school = school(engine, true);
    School other = school(engine, true);
    Staff teacher = staff(school, "Mr", "Tom", "Reed", StaffRole.TEACHER);

    assertThatThrownBy(() -> other.as(other.okafor()).saveDraft(school.id(), TEMPLATE, Map.of("sms", ourSms()), null))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> school.as(teacher).versions(school.id(), TEMPLATE)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> school.as(null).saveDraft(school.id(), TEMPLATE, Map.of("sms", ourSms()), null))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(count(school, "select count(*) from message_template_version where school_id = ?")).isZero();
  }

  @OnBothDatabases
  void the_list_shows_the_version_in_use_and_those_awaiting_sign_off(Engine engine) throws SQLException {
    School school = school(engine, true);
    SchoolTemplates priya = school.as(school.priya());
    priya.saveDraft(school.id(), TEMPLATE, Map.of("sms", ourSms()), null);
    priya.submit(school.id(), TEMPLATE, 1);
    school.as(school.okafor()).signOff(school.id(), TEMPLATE, 1);
    priya.saveDraft(school.id(), TEMPLATE, Map.of("sms", ourSms() + " Thank you."), null);
    priya.submit(school.id(), TEMPLATE, 2);

    SchoolTemplates.Standing standing = priya.standing(school.id()).get(TEMPLATE);

    assertThat(standing.ownWording()).isTrue();
    assertThat(standing.inUseVersion()).isEqualTo(1);
    assertThat(standing.awaitingSignOff()).containsExactly(2);
  }

  // ---- fixtures -------------------------------------------------------------------------------------

  private static String ourSms() {
    return "Hello from Oak Lane. Your code is ((code)); it works for ((minutes)) minutes.";
  }

  private static String smsInUse(School school) {
    return school.as(null).inUse(school.id(), TEMPLATE).template().text("sms", "en");
  }

  private static SchoolTemplates service(DataSource db, SignedInUser user) {
    CurrentUser current = new CurrentUser() {
      @Override
      public Optional<SignedInUser> get() {
        return Optional.ofNullable(user);
      }
    };
    return user == null ? new SchoolTemplates(db) : new SchoolTemplates(db, current, CLOCK);
  }

  /** A school with Priya (attendance officer), Mr Okafor (headteacher) and, when asked, Ms Hale (administrator). */
  private static School school(Engine engine, boolean secondSenior) throws SQLException {
    DataSource db = databases.migrated(engine).dataSource();
    UUID trust = UUID.randomUUID();
    UUID schoolId = UUID.randomUUID();
    execute(db, "insert into trust (id, version, name) values (?, 1, 'Test Trust')", trust);
    execute(
        db,
        "insert into school (id, version, trust_id, urn, name, phase, time_zone, am_register_open,"
            + " pm_register_open, register_close_after_min, am_session_end, pm_session_end, am_session_hours,"
            + " pm_session_hours, am_lessons, pm_lessons, school_year_days, stage_model, listen_threshold,"
            + " listen_comparator, facilitate_threshold, facilitate_comparator, enforce_threshold,"
            + " enforce_comparator, min_possible_sessions, n_code_deadline_days, home_visit_day,"
            + " home_visit_repeat_days, cme_notify_days) values (?, 1, ?, ?, 'Oak Lane Academy', 'SECONDARY',"
            + " 'Europe/London', time '08:40', time '13:10', 30, time '12:00', time '15:15', 2.5, 2.5, 3, 2, 190,"
            + " 'FOUR_STAGE', 96, '<', 90, '<=', 50, '<=', 10, 5, 3, 3, 10)",
        schoolId, trust, String.valueOf(URNS.getAndIncrement()));
    School partial = new School(schoolId, db, null, null, null);
    Staff priya = staff(partial, "Ms", "Priya", "Shah", StaffRole.ATTENDANCE_OFFICER, StaffRole.PASTORAL_LEAD);
    Staff okafor = staff(partial, "Mr", "David", "Okafor", StaffRole.HEADTEACHER);
    Staff hale = secondSenior ? staff(partial, "Ms", "Jo", "Hale", StaffRole.ADMINISTRATOR) : null;
    return new School(schoolId, db, priya, okafor, hale);
  }

  private static Staff staff(School school, String title, String first, String last, StaffRole... roles) throws SQLException {
    UUID id = UUID.randomUUID();
    UUID trust;
    try (Connection c = school.db().getConnection();
        PreparedStatement ps = c.prepareStatement("select trust_id from school where id = ?")) {
      ps.setObject(1, school.id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        trust = rs.getObject(1, UUID.class);
      }
    }
    execute(school.db(), "insert into staff_member (id, version, trust_id, title, first_name, last_name) values (?, 1, ?, ?, ?, ?)",
        id, trust, title, first, last);
    execute(school.db(), "insert into staff_account (id, version, staff_member_id, username, password_hash, failed_sign_ins, active)"
        + " values (?, 1, ?, ?, 'x', 0, true)", UUID.randomUUID(), id, first.toLowerCase() + "." + id);
    for (StaffRole role : roles) {
      execute(school.db(), "insert into role_assignment (id, version, staff_member_id, role, school_id) values (?, 1, ?, ?, ?)",
          UUID.randomUUID(), id, role.name(), school.id());
    }
    Set<StaffRole> held = EnumSet.noneOf(StaffRole.class);
    held.addAll(Set.of(roles));
    SignedInUser user =
        new SignedInUser(SignedInUser.Kind.STAFF, id, title + " " + first + " " + last, Map.of(school.id(), held), Set.of(), "en");
    return new Staff(id, user);
  }

  private static void execute(DataSource db, String sql, Object... params) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }

  private static long count(School school, String sql) throws SQLException {
    try (Connection c = school.db().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (sql.contains("?")) {
        ps.setObject(1, school.id());
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}

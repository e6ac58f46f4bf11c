package org.schoolgate.demo;

import java.util.List;
import java.util.Optional;
import org.schoolgate.directory.domain.ContactChannel;
import org.schoolgate.directory.domain.Language;
import org.schoolgate.directory.domain.YearGroups;
import org.schoolgate.platform.security.StaffRole;

/**
 * The documented sign-ins of the demo trust: the staff accounts, all with one password, and the
 * parents who sign in with a one-time code sent to their mobile or email (in the demo the code
 * appears on the dev outbox page). The README and the tests refer to these values.
 */
public final class DemoSignIns {

  private DemoSignIns() {}

  public static final String TRUST_NAME = "Riverside Learning Trust";
  public static final String PRIMARY_NAME = "Riverside Primary School";
  public static final String PRIMARY_URN = "100001";
  public static final String ACADEMY_NAME = "Riverside Academy";
  public static final String ACADEMY_URN = "100002";

  /** The password of every demo staff account. */
  public static final String PASSWORD = "schoolgate-demo";

  public static final String ADMIN = "admin";
  public static final String HEAD_PRIMARY = "head.primary";
  public static final String OFFICE_PRIMARY = "office.primary";
  public static final String TEACHER_PRIMARY = "teacher.primary";
  public static final String HEAD_ACADEMY = "head.academy";
  public static final String OFFICE_ACADEMY = "office.academy";
  public static final String ATTENDANCE_ACADEMY = "attendance.academy";
  public static final String HOY_ACADEMY = "hoy.academy";
  public static final String DSL_ACADEMY = "dsl.academy";
  public static final String SENCO_ACADEMY = "senco.academy";
  public static final String TRUST_LEAD = "trust.lead";

  /** The Year 4 class at the primary school, the only group {@link #TEACHER_PRIMARY} teaches. */
  public static final String TEACHER_PRIMARY_CLASS = "Oak";

  /** Which of the two schools a role is held at. */
  public enum Where {
    PRIMARY,
    ACADEMY,
    BOTH;

    public boolean includesPrimary() {
      return this != ACADEMY;
    }

    public boolean includesAcademy() {
      return this != PRIMARY;
    }

    String schools() {
      return switch (this) {
        case PRIMARY -> PRIMARY_NAME;
        case ACADEMY -> ACADEMY_NAME;
        case BOTH -> PRIMARY_NAME + " and " + ACADEMY_NAME;
      };
    }
  }

  /** A member of staff with a demo sign-in: one role, at one school or both. */
  public record Staff(
      String username, String title, String firstName, String lastName, String jobTitle, StaffRole role, Where where) {

    public String fullName() {
      return firstName + " " + lastName;
    }
  }

  public static final List<Staff> STAFF =
      List.of(
          new Staff(ADMIN, "Ms", "Helen", "Carter", "Trust data and systems manager", StaffRole.ADMINISTRATOR, Where.BOTH),
          new Staff(HEAD_PRIMARY, "Mrs", "Rachel", "Brennan", "Headteacher", StaffRole.HEADTEACHER, Where.PRIMARY),
          new Staff(OFFICE_PRIMARY, "Mrs", "Lorraine", "Pickering", "Office manager", StaffRole.OFFICE, Where.PRIMARY),
          new Staff(TEACHER_PRIMARY, "Miss", "Hannah", "Clarke", "Year 4 class teacher (Oak class)", StaffRole.TEACHER, Where.PRIMARY),
          new Staff(HEAD_ACADEMY, "Mr", "Chidi", "Okafor", "Headteacher", StaffRole.HEADTEACHER, Where.ACADEMY),
          new Staff(OFFICE_ACADEMY, "Mr", "Dave", "Whitfield", "Office manager", StaffRole.OFFICE, Where.ACADEMY),
          new Staff(ATTENDANCE_ACADEMY, "Mrs", "Joanne", "Hartley", "Attendance officer", StaffRole.ATTENDANCE_OFFICER, Where.ACADEMY),
          new Staff(HOY_ACADEMY, "Ms", "Priya", "Shah", "Head of Year 10", StaffRole.PASTORAL_LEAD, Where.ACADEMY),
          new Staff(DSL_ACADEMY, "Mr", "Gareth", "Lloyd", "Deputy headteacher and designated safeguarding lead", StaffRole.DSL, Where.ACADEMY),
          new Staff(SENCO_ACADEMY, "Mrs", "Siân", "Morgan", "SENCO", StaffRole.SENCO, Where.ACADEMY),
          new Staff(TRUST_LEAD, "Ms", "Jennifer", "Lee", "Trust attendance lead", StaffRole.TRUST_ATTENDANCE_LEAD, Where.BOTH));

  /** A parent of the demo: how they sign in and what they prefer. */
  public record Parent(
      String title,
      String firstName,
      String lastName,
      String mobile,
      String mobileE164,
      String email,
      Language language,
      ContactChannel channel) {

    public String fullName() {
      return firstName + " " + lastName;
    }

    public Optional<String> emailAddress() {
      return Optional.ofNullable(email);
    }
  }

  /** A child of one of the documented parents. */
  public record Child(String firstName, String lastName, String schoolName, int yearGroup) {

    public String fullName() {
      return firstName + " " + lastName;
    }
  }

  /** Reads Arabic, no email; children at both schools. */
  public static final Parent AMIRA_HADDAD =
      new Parent("Mrs", "Amira", "Haddad", "07400 100001", "+447400100001", null, Language.AR, ContactChannel.SMS);

  /** Amira's husband, at the same address, second to be contacted. */
  public static final Parent KARIM_HADDAD =
      new Parent("Mr", "Karim", "Haddad", "07400 100004", "+447400100004", "karim.haddad@example.com", Language.EN, ContactChannel.SMS);

  /** Prefers email; separated from Mark Jones; children at both schools. */
  public static final Parent SARAH_JONES =
      new Parent("Ms", "Sarah", "Jones", "07400 100002", "+447400100002", "sarah.jones@example.com", Language.EN, ContactChannel.EMAIL);

  /** Lives apart from the children, holds parental responsibility and gets the school's letters too. */
  public static final Parent MARK_JONES =
      new Parent("Mr", "Mark", "Jones", "07400 100003", "+447400100003", "mark.jones@example.org", Language.EN, ContactChannel.SMS);

  /** Reads Polish; one child at the academy. */
  public static final Parent LUKASZ_KOWALSKI =
      new Parent("Mr", "Łukasz", "Kowalski", "07400 100005", "+447400100005", "lukasz.kowalski@example.com", Language.PL, ContactChannel.SMS);

  public static final List<Parent> PARENTS = List.of(AMIRA_HADDAD, KARIM_HADDAD, SARAH_JONES, MARK_JONES, LUKASZ_KOWALSKI);

  public static final Child YASMIN_HADDAD = new Child("Yasmin", "Haddad", PRIMARY_NAME, 2);
  public static final Child OMAR_HADDAD = new Child("Omar", "Haddad", ACADEMY_NAME, 8);
  public static final Child ELLA_JONES = new Child("Ella", "Jones", PRIMARY_NAME, 4);
  public static final Child HARRY_JONES = new Child("Harry", "Jones", ACADEMY_NAME, 10);
  public static final Child JAKUB_KOWALSKI = new Child("Jakub", "Kowalski", ACADEMY_NAME, 7);

  /**
   * The block printed to the server log on every start of the demo.
   *
   * @param baseUrl where the application is served, such as http://localhost:8080
   */
  public static String block(String baseUrl) {
    String base = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    String rule = "=".repeat(100);
    StringBuilder b = new StringBuilder();
    b.append('\n').append(rule).append('\n');
    b.append(" SCHOOLGATE DEMO: ").append(TRUST_NAME).append(" (").append(PRIMARY_NAME).append(", ").append(ACADEMY_NAME).append(")\n");
    b.append(rule).append('\n');
    b.append(" Staff sign in at ").append(base).append("/signin, every account with the password ").append(PASSWORD).append('\n');
    for (Staff s : STAFF) {
      b.append(String.format("   %-20s %-18s %s, %s%n", s.username(), s.fullName(), s.role().label(), s.where().schools()));
    }
    b.append(String.format("   (%s teaches only Year 4, %s class)%n", TEACHER_PRIMARY, TEACHER_PRIMARY_CLASS));
    b.append('\n');
    b.append(" Parents sign in at ").append(base).append("/parent/signin with a one-time code sent to their mobile or email;\n");
    b.append(" in the demo the code appears on ").append(base).append("/dev/outbox.\n");
    parent(b, AMIRA_HADDAD, "reads Arabic, no email", List.of(YASMIN_HADDAD, OMAR_HADDAD));
    parent(b, KARIM_HADDAD, "Amira's husband", List.of(YASMIN_HADDAD, OMAR_HADDAD));
    parent(b, SARAH_JONES, "prefers email", List.of(ELLA_JONES, HARRY_JONES));
    parent(b, MARK_JONES, "separated from Sarah, lives apart", List.of(ELLA_JONES, HARRY_JONES));
    parent(b, LUKASZ_KOWALSKI, "reads Polish", List.of(JAKUB_KOWALSKI));
    b.append(rule);
    return b.toString();
  }

  private static void parent(StringBuilder b, Parent p, String note, List<Child> children) {
    String reach = p.mobile() + (p.email() == null ? "" : " or " + p.email());
    b.append(String.format("   %-16s %-44s (%s)%n", p.fullName(), reach, note));
    for (Child c : children) {
      b.append(String.format("       child: %s, %s at %s%n", c.fullName(), YearGroups.label(c.yearGroup()), c.schoolName()));
    }
  }
}

package org.schoolgate.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.schoolgate.demo.DemoFamilies.Child;
import org.schoolgate.directory.domain.AcademicTerm;
import org.schoolgate.directory.domain.CalendarClosure;
import org.schoolgate.directory.domain.EmailAddress;
import org.schoolgate.directory.domain.Phase;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.RegisterTimes;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.StaffMember;
import org.schoolgate.directory.domain.TeachingGroup;
import org.schoolgate.directory.domain.Trust;
import org.schoolgate.identity.domain.RoleAssignment;

/**
 * Generates the demo trust: Riverside Learning Trust with Riverside Primary School (Reception to
 * Year 6, one class of 30 a year) and Riverside Academy (Years 7 to 11, six tutor groups of 30),
 * the school year containing the given day with its terms and closures, the families of 1,110
 * pupils, the documented staff sign-ins ({@link DemoSignIns}) and registers up to the day before.
 *
 * <p>Plain Java and deterministic: the same day and seed give the same trust (record ids apart,
 * which are random). Everything is built through the domain's own constructors, so it passes the
 * same checks as records typed in by staff.
 */
public final class DemoData {

  /** The seed the demo uses. */
  public static final long DEMO_SEED = 20_240_819L;

  /** The primary school's classes, Reception first: one tree a year. */
  static final List<String> PRIMARY_CLASSES = List.of("Willow", "Hazel", "Rowan", "Birch", "Oak", "Ash", "Cedar");

  /** The tutor groups of each academy year: 7A to 7F and so on. */
  static final List<String> TUTOR_GROUP_LETTERS = List.of("A", "B", "C", "D", "E", "F");

  private DemoData() {}

  /**
   * The whole demo trust for a day.
   *
   * @param today the day the demo starts; its registers end the day before, and the school year is
   *     the one containing this day (September to August)
   * @param seed the same seed gives the same names, families and registers
   */
  public static DemoTrust generate(LocalDate today, long seed) {
    Random random = new Random(seed);
    DemoCalendar calendar = DemoCalendar.ofYearContaining(today);

    Trust trust = new Trust(DemoSignIns.TRUST_NAME);
    School primary =
        new School(
            trust,
            DemoSignIns.PRIMARY_URN,
            DemoSignIns.PRIMARY_NAME,
            Phase.PRIMARY,
            new RegisterTimes(LocalTime.of(8, 40), LocalTime.of(13, 0), 30, LocalTime.of(11, 55), LocalTime.of(15, 15)));
    primary.changeSessionLengths(new BigDecimal("3.25"), new BigDecimal("2.25"), 3, 2);
    primary.changeBranding("riverside-primary", "#1b6b3a");
    primary.changeContactDetails(
        "Brook Lane, Levenshulme, Manchester M19 3RP", "0161 496 0000", "riverside.primary@example.org",
        formalName(DemoSignIns.HEAD_PRIMARY));
    School academy =
        new School(
            trust,
            DemoSignIns.ACADEMY_URN,
            DemoSignIns.ACADEMY_NAME,
            Phase.SECONDARY,
            new RegisterTimes(LocalTime.of(8, 45), LocalTime.of(13, 15), 10, LocalTime.of(12, 30), LocalTime.of(15, 15)));
    academy.changeSessionLengths(new BigDecimal("3.75"), new BigDecimal("2.00"), 3, 2);
    academy.changeBranding("riverside-academy", "#6b1b4f");
    academy.changeContactDetails(
        "Riverside Way, Levenshulme, Manchester M19 2QT", "0161 496 0001", "riverside.academy@example.org",
        formalName(DemoSignIns.HEAD_ACADEMY));

    List<AcademicTerm> terms = new ArrayList<>();
    List<CalendarClosure> closures = new ArrayList<>();
    for (School school : List.of(primary, academy)) {
      for (DemoCalendar.Term t : calendar.terms()) {
        terms.add(new AcademicTerm(school, t.name(), t.start(), t.end()));
      }
      for (DemoCalendar.Closure c : calendar.closures()) {
        closures.add(new CalendarClosure(school, c.kind(), c.first(), c.last(), CalendarClosure.Sessions.BOTH, c.description()));
      }
    }

    List<TeachingGroup> groups = new ArrayList<>();
    for (int year = 0; year <= 6; year++) {
      groups.add(new TeachingGroup(primary, PRIMARY_CLASSES.get(year), year));
    }
    for (int year = 7; year <= 11; year++) {
      for (String letter : TUTOR_GROUP_LETTERS) {
        groups.add(new TeachingGroup(academy, year + letter, year));
      }
    }

    List<StaffMember> staff = new ArrayList<>();
    List<DemoTrust.StaffSignIn> signIns = new ArrayList<>();
    for (DemoSignIns.Staff s : DemoSignIns.STAFF) {
      EmailAddress email =
          EmailAddress.parse("email", DemoNames.ascii(s.firstName()) + "." + DemoNames.ascii(s.lastName()) + "@example.org");
      StaffMember member = new StaffMember(trust, s.title(), s.firstName(), s.lastName(), email, s.jobTitle());
      staff.add(member);
      List<RoleAssignment> roles = new ArrayList<>();
      if (s.where().includesPrimary()) {
        roles.add(new RoleAssignment(member, s.role(), primary));
      }
      if (s.where().includesAcademy()) {
        roles.add(new RoleAssignment(member, s.role(), academy));
      }
      List<TeachingGroup> taught =
          s.username().equals(DemoSignIns.TEACHER_PRIMARY)
              ? groups.stream().filter(g -> g.getName().equals(DemoSignIns.TEACHER_PRIMARY_CLASS)).toList()
              : List.of();
      signIns.add(new DemoTrust.StaffSignIn(s.username(), DemoSignIns.PASSWORD, member, roles, taught));
    }

    DemoFamilies families = new DemoFamilies(random, calendar, today, primary, academy, groups).generate();
    List<Child> children = families.children();
    DemoRegisters registers = new DemoRegisters(random, today, calendar, primary, academy);
    LinkedHashMap<UUID, AttendanceProfile> profiles = registers.profiles(children);
    List<DemoMark> marks = registers.marks(children, profiles);
    List<Pupil> pupils = children.stream().map(Child::pupil).toList();

    return new DemoTrust(
        today, trust, primary, academy, terms, closures, groups, staff, signIns, pupils, families.guardians(),
        families.links(), profiles, marks);
  }

  private static String formalName(String username) {
    DemoSignIns.Staff head =
        DemoSignIns.STAFF.stream().filter(s -> s.username().equals(username)).findFirst().orElseThrow();
    return head.title() + " " + head.fullName();
  }
}

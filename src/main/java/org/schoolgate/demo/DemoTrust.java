package org.schoolgate.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.schoolgate.directory.domain.AcademicTerm;
import org.schoolgate.directory.domain.CalendarClosure;
import org.schoolgate.directory.domain.Guardian;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.PupilGuardian;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.directory.domain.StaffMember;
import org.schoolgate.directory.domain.TeachingGroup;
import org.schoolgate.directory.domain.Trust;
import org.schoolgate.identity.domain.RoleAssignment;

/**
 * The generated demo trust, not yet stored: every record in the order it can be written, the staff
 * sign-ins and the register marks from the start of the autumn term to the day before {@link
 * #today()}. Lists keep the order they were generated in, so the same seed gives the same trust.
 */
public final class DemoTrust {

  /**
   * A demo member of staff's sign-in, with the roles and groups it carries.
   *
   * @param password the demo password, in clear: it is printed in the log for people trying the demo
   */
  public record StaffSignIn(
      String username, String password, StaffMember member, List<RoleAssignment> roles, List<TeachingGroup> groups) {}

  private final LocalDate today;
  private final Trust trust;
  private final School primary;
  private final School academy;
  private final List<AcademicTerm> terms;
  private final List<CalendarClosure> closures;
  private final List<TeachingGroup> groups;
  private final List<StaffMember> staff;
  private final List<StaffSignIn> signIns;
  private final List<Pupil> pupils;
  private final List<Guardian> guardians;
  private final List<PupilGuardian> links;
  private final Map<UUID, AttendanceProfile> profiles;
  private final List<DemoMark> marks;

  private final Map<UUID, List<PupilGuardian>> linksByPupil = new HashMap<>();
  private final Map<UUID, List<PupilGuardian>> linksByGuardian = new HashMap<>();

  DemoTrust(
      LocalDate today,
      Trust trust,
      School primary,
      School academy,
      List<AcademicTerm> terms,
      List<CalendarClosure> closures,
      List<TeachingGroup> groups,
      List<StaffMember> staff,
      List<StaffSignIn> signIns,
      List<Pupil> pupils,
      List<Guardian> guardians,
      List<PupilGuardian> links,
      LinkedHashMap<UUID, AttendanceProfile> profiles,
      List<DemoMark> marks) {
    this.today = today;
    this.trust = trust;
    this.primary = primary;
    this.academy = academy;
    this.terms = List.copyOf(terms);
    this.closures = List.copyOf(closures);
    this.groups = List.copyOf(groups);
    this.staff = List.copyOf(staff);
    this.signIns = List.copyOf(signIns);
    this.pupils = List.copyOf(pupils);
    this.guardians = List.copyOf(guardians);
    this.links = List.copyOf(links);
    this.profiles = Collections.unmodifiableMap(profiles);
    this.marks = List.copyOf(marks);
    for (PupilGuardian link : links) {
      linksByPupil.computeIfAbsent(link.getPupil().getId(), k -> new ArrayList<>()).add(link);
      linksByGuardian.computeIfAbsent(link.getGuardian().getId(), k -> new ArrayList<>()).add(link);
    }
  }

  /** The day the trust was generated for; its registers end the day before. */
  public LocalDate today() {
    return today;
  }

  public Trust trust() {
    return trust;
  }

  public School primary() {
    return primary;
  }

  public School academy() {
    return academy;
  }

  public List<School> schools() {
    return List.of(primary, academy);
  }

  public List<AcademicTerm> terms() {
    return terms;
  }

  public List<CalendarClosure> closures() {
    return closures;
  }

  public List<TeachingGroup> groups() {
    return groups;
  }

  public List<StaffMember> staff() {
    return staff;
  }

  public List<StaffSignIn> signIns() {
    return signIns;
  }

  public Optional<StaffSignIn> signIn(String username) {
    return signIns.stream().filter(s -> s.username().equals(username)).findFirst();
  }

  public List<Pupil> pupils() {
    return pupils;
  }

  public List<Pupil> pupilsAt(School school) {
    return pupils.stream().filter(p -> p.getSchool() == school).toList();
  }

  public List<Guardian> guardians() {
    return guardians;
  }

  public List<PupilGuardian> links() {
    return links;
  }

  /** The pupil's guardians, in contact-priority order. */
  public List<PupilGuardian> linksOf(Pupil pupil) {
    return linksByPupil.getOrDefault(pupil.getId(), List.of()).stream()
        .sorted(Comparator.comparingInt(PupilGuardian::getContactPriority))
        .toList();
  }

  /** The guardian's links to children, in the order the children were generated. */
  public List<PupilGuardian> linksOf(Guardian guardian) {
    return List.copyOf(linksByGuardian.getOrDefault(guardian.getId(), List.of()));
  }

  public Optional<Guardian> guardianWithMobile(String e164) {
    return guardians.stream().filter(g -> g.mobile().map(m -> m.e164().equals(e164)).orElse(false)).findFirst();
  }

  /** How the pupil was generated to attend this year. */
  public AttendanceProfile profileOf(Pupil pupil) {
    return profiles.get(pupil.getId());
  }

  /** The register marks, pupil by pupil, each pupil's in date order. */
  public List<DemoMark> marks() {
    return marks;
  }

  /** The school's calendar for the year, as the directory's rules read it. */
  public SchoolCalendar calendarOf(School school) {
    return new SchoolCalendar(
        terms.stream().filter(t -> t.getSchool() == school).map(AcademicTerm::toTerm).toList(),
        closures.stream().filter(c -> c.getSchool() == school).map(CalendarClosure::toClosure).toList());
  }
}

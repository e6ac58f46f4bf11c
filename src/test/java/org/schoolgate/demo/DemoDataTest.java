package org.schoolgate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.schoolgate.attendance.domain.AttendanceCode;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.attendance.domain.CodeCategory;
import org.schoolgate.attendance.domain.CountsAs;
import org.schoolgate.directory.domain.ContactChannel;
import org.schoolgate.directory.domain.Guardian;
import org.schoolgate.directory.domain.Language;
import org.schoolgate.directory.domain.Phase;
import org.schoolgate.directory.domain.PhoneNumber;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.PupilGuardian;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.directory.domain.SenStatus;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.directory.domain.TeachingGroup;
import org.schoolgate.identity.domain.RoleAssignment;

/**
 * The demo trust as a person trying the demo meets it, generated for Wednesday 18 November 2026:
 * two schools of the documented size, the documented sign-ins and families, families and flags as
 * varied as a city's, and registers up to yesterday whose figures look like a real school's.
 */
class DemoDataTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 18);
  static final DemoTrust DEMO = DemoData.generate(TODAY, DemoData.DEMO_SEED);
  static final CodeBook CODES = CodeBook.standard();

  // ---- schools and size --------------------------------------------------------------------------

  @Test
  void the_primary_has_about_210_pupils_and_the_academy_about_900() {
    assertThat(DEMO.pupilsAt(DEMO.primary())).hasSizeBetween(200, 220);
    assertThat(DEMO.pupilsAt(DEMO.academy())).hasSizeBetween(880, 920);
    assertThat(DEMO.pupils()).hasSize(DEMO.pupilsAt(DEMO.primary()).size() + DEMO.pupilsAt(DEMO.academy()).size());
  }

  @Test
  void the_primary_has_one_class_a_year_from_reception_and_the_academy_six_tutor_groups_a_year() {
    List<TeachingGroup> primaryGroups = DEMO.groups().stream().filter(g -> g.getSchool() == DEMO.primary()).toList();
    assertThat(primaryGroups).extracting(TeachingGroup::getYearGroup).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(primaryGroups).extracting(TeachingGroup::getName).contains("Rowan", "Oak");
    List<TeachingGroup> academyGroups = DEMO.groups().stream().filter(g -> g.getSchool() == DEMO.academy()).toList();
    assertThat(academyGroups).hasSize(30);
    assertThat(academyGroups).extracting(TeachingGroup::getName).contains("7A", "7F", "11A", "11F");
    Map<TeachingGroup, Long> classSizes =
        DEMO.pupils().stream().collect(Collectors.groupingBy(Pupil::getGroup, Collectors.counting()));
    assertThat(classSizes.values()).allSatisfy(size -> assertThat(size).isBetween(25L, 30L));
  }

  @Test
  void the_schools_have_their_documented_settings() {
    School primary = DEMO.primary();
    assertThat(primary.getName()).isEqualTo("Riverside Primary School");
    assertThat(primary.getUrn()).isEqualTo("100001");
    assertThat(primary.getPhase()).isEqualTo(Phase.PRIMARY);
    assertThat(primary.registerTimes().amOpen()).isEqualTo(LocalTime.of(8, 40));
    assertThat(primary.registerTimes().closeAfterMinutes()).isEqualTo(30);
    assertThat(primary.getBrandKey()).isEqualTo("riverside-primary");
    assertThat(primary.getBrandColour()).isEqualTo("#1b6b3a");
    assertThat(primary.getPhone()).isEqualTo("0161 496 0000");
    assertThat(primary.getAddress()).isNotBlank();
    assertThat(primary.getHeadteacherName()).isEqualTo("Mrs Rachel Brennan");

    School academy = DEMO.academy();
    assertThat(academy.getName()).isEqualTo("Riverside Academy");
    assertThat(academy.getUrn()).isEqualTo("100002");
    assertThat(academy.getPhase()).isEqualTo(Phase.SECONDARY);
    assertThat(academy.registerTimes().amOpen()).isEqualTo(LocalTime.of(8, 45));
    assertThat(academy.registerTimes().closeAfterMinutes()).isEqualTo(10);
    assertThat(academy.getAmLessons()).isEqualTo(3);
    assertThat(academy.getPmLessons()).isEqualTo(2);
    assertThat(academy.getBrandKey()).isEqualTo("riverside-academy");
    assertThat(academy.getPhone()).isEqualTo("0161 496 0001");
    assertThat(academy.getHeadteacherName()).isEqualTo("Mr Chidi Okafor");
    assertThat(DEMO.trust().getName()).isEqualTo("Riverside Learning Trust");
    assertThat(academy.getTrust()).isSameAs(DEMO.trust());
  }

  // ---- the documented sign-ins ------------------------------------------------------------------

  @Test
  void amira_has_a_child_at_each_school_reads_arabic_and_has_no_email() {
    Guardian amira = documented(DemoSignIns.AMIRA_HADDAD);
    assertThat(amira.fullName()).isEqualTo("Amira Haddad");
    assertThat(amira.email()).isEmpty();
    assertThat(amira.language()).isEqualTo(Language.AR);
    assertThat(amira.getPreferredChannel()).isEqualTo(ContactChannel.SMS);
    List<PupilGuardian> links = DEMO.linksOf(amira);
    assertThat(links).allSatisfy(l -> {
      assertThat(l.mayAccessChild()).isTrue();
      assertThat(l.livesWithPupil()).isTrue();
      assertThat(l.getContactPriority()).isEqualTo(1);
    });
    assertThat(children(amira)).extracting(p -> p.getSchool().getName() + " " + p.getYearGroup() + " " + p.getLegalLastName())
        .containsExactlyInAnyOrder("Riverside Primary School 2 Haddad", "Riverside Academy 8 Haddad");

    Guardian karim = documented(DemoSignIns.KARIM_HADDAD);
    assertThat(karim.email()).map(Object::toString).contains("karim.haddad@example.com");
    assertThat(karim.address()).isEqualTo(amira.address());
    assertThat(DEMO.linksOf(karim)).allSatisfy(l -> {
      assertThat(l.hasParentalResponsibility()).isTrue();
      assertThat(l.getContactPriority()).isEqualTo(2);
    });
    assertThat(children(karim)).containsExactlyInAnyOrderElementsOf(children(amira));
  }

  @Test
  void sarah_jones_prefers_email_and_mark_jones_lives_apart_but_gets_the_letters_too() {
    Guardian sarah = documented(DemoSignIns.SARAH_JONES);
    assertThat(sarah.email()).map(Object::toString).contains("sarah.jones@example.com");
    assertThat(sarah.getPreferredChannel()).isEqualTo(ContactChannel.EMAIL);
    assertThat(sarah.language()).isEqualTo(Language.EN);
    assertThat(DEMO.linksOf(sarah)).allSatisfy(l -> {
      assertThat(l.mayAccessChild()).isTrue();
      assertThat(l.livesWithPupil()).isTrue();
      assertThat(l.isFlaggedForCorrespondence()).isTrue();
    });
    List<Pupil> children = children(sarah);
    assertThat(children).extracting(p -> p.getSchool().getName() + " " + p.getYearGroup() + " " + p.getLegalLastName())
        .containsExactlyInAnyOrder("Riverside Primary School 4 Jones", "Riverside Academy 10 Jones");
    Pupil ella = children.stream().filter(p -> p.getYearGroup() == 4).findFirst().orElseThrow();
    assertThat(DEMO.signIn(DemoSignIns.TEACHER_PRIMARY).orElseThrow().groups()).containsExactly(ella.getGroup());

    Guardian mark = documented(DemoSignIns.MARK_JONES);
    assertThat(mark.email()).map(Object::toString).contains("mark.jones@example.org");
    assertThat(mark.address()).isPresent().isNotEqualTo(sarah.address());
    assertThat(DEMO.linksOf(mark)).allSatisfy(l -> {
      assertThat(l.mayAccessChild()).isTrue();
      assertThat(l.livesWithPupil()).isFalse();
      assertThat(l.isFlaggedForCorrespondence()).isTrue();
      assertThat(l.getContactPriority()).isEqualTo(2);
    });
    assertThat(children(mark)).containsExactlyInAnyOrderElementsOf(children);
  }

  @Test
  void lukasz_kowalski_reads_polish_and_has_a_son_in_year_7_at_the_academy() {
    Guardian lukasz = documented(DemoSignIns.LUKASZ_KOWALSKI);
    assertThat(lukasz.fullName()).isEqualTo("Łukasz Kowalski");
    assertThat(lukasz.email()).map(Object::toString).contains("lukasz.kowalski@example.com");
    assertThat(lukasz.language()).isEqualTo(Language.PL);
    assertThat(children(lukasz)).singleElement().satisfies(p -> {
      assertThat(p.getSchool()).isSameAs(DEMO.academy());
      assertThat(p.getYearGroup()).isEqualTo(7);
      assertThat(p.getLegalLastName()).isEqualTo("Kowalski");
      assertThat(p.isEal()).isTrue();
    });
    assertThat(DEMO.linksOf(lukasz)).allSatisfy(l -> assertThat(l.mayAccessChild()).isTrue());
  }

  @Test
  void the_documented_parents_mobiles_are_the_ones_the_readme_gives() {
    for (DemoSignIns.Parent p : DemoSignIns.PARENTS) {
      assertThat(PhoneNumber.parse("mobile", p.mobile()).e164()).isEqualTo(p.mobileE164());
      assertThat(PhoneNumber.parse("mobile", p.mobile()).isMobile()).isTrue();
    }
    assertThat(DemoSignIns.AMIRA_HADDAD.mobileE164()).isEqualTo("+447400100001");
    assertThat(DemoSignIns.SARAH_JONES.mobileE164()).isEqualTo("+447400100002");
    assertThat(DemoSignIns.MARK_JONES.mobileE164()).isEqualTo("+447400100003");
    assertThat(DemoSignIns.KARIM_HADDAD.mobileE164()).isEqualTo("+447400100004");
    assertThat(DemoSignIns.LUKASZ_KOWALSKI.mobileE164()).isEqualTo("+447400100005");
  }

  @Test
  void every_documented_staff_sign_in_exists_with_its_role_at_its_schools() {
    assertThat(DEMO.signIns()).extracting(DemoTrust.StaffSignIn::username)
        .containsExactlyInAnyOrder(
            "admin", "head.primary", "office.primary", "teacher.primary", "head.academy", "office.academy",
            "attendance.academy", "hoy.academy", "dsl.academy", "senco.academy", "trust.lead");
    assertThat(DEMO.signIns()).allSatisfy(s -> assertThat(s.password()).isEqualTo("schoolgate-demo"));
    assertThat(rolesOf("admin")).containsExactlyInAnyOrder("ADMINISTRATOR@100001", "ADMINISTRATOR@100002");
    assertThat(rolesOf("trust.lead")).containsExactlyInAnyOrder("TRUST_ATTENDANCE_LEAD@100001", "TRUST_ATTENDANCE_LEAD@100002");
    assertThat(rolesOf("head.primary")).containsExactly("HEADTEACHER@100001");
    assertThat(rolesOf("office.primary")).containsExactly("OFFICE@100001");
    assertThat(rolesOf("teacher.primary")).containsExactly("TEACHER@100001");
    assertThat(rolesOf("head.academy")).containsExactly("HEADTEACHER@100002");
    assertThat(rolesOf("office.academy")).containsExactly("OFFICE@100002");
    assertThat(rolesOf("attendance.academy")).containsExactly("ATTENDANCE_OFFICER@100002");
    assertThat(rolesOf("hoy.academy")).containsExactly("PASTORAL_LEAD@100002");
    assertThat(rolesOf("dsl.academy")).containsExactly("DSL@100002");
    assertThat(rolesOf("senco.academy")).containsExactly("SENCO@100002");

    DemoTrust.StaffSignIn teacher = DEMO.signIn("teacher.primary").orElseThrow();
    assertThat(teacher.groups()).singleElement().satisfies(g -> {
      assertThat(g.getYearGroup()).isEqualTo(4);
      assertThat(g.getSchool()).isSameAs(DEMO.primary());
    });
    assertThat(DEMO.signIns()).filteredOn(s -> !s.username().equals("teacher.primary"))
        .allSatisfy(s -> assertThat(s.groups()).isEmpty());
    assertThat(DEMO.signIn("office.academy").orElseThrow().member().fullName()).isEqualTo("Dave Whitfield");
    assertThat(DEMO.signIns()).allSatisfy(s -> assertThat(s.member().getJobTitle()).isNotBlank());
  }

  @Test
  void the_sign_in_block_names_every_account_the_password_and_the_parents() {
    String block = DemoSignIns.block("http://localhost:8080/");

    assertThat(block).contains("http://localhost:8080/signin", "http://localhost:8080/parent/signin", "/dev/outbox");
    assertThat(block).contains("schoolgate-demo");
    for (DemoSignIns.Staff s : DemoSignIns.STAFF) {
      assertThat(block).contains(s.username());
    }
    assertThat(block).contains("07400 100001", "sarah.jones@example.com", "07400 100003", "Łukasz Kowalski", "07400 100005");
  }

  // ---- families ----------------------------------------------------------------------------------

  @Test
  void many_families_have_brothers_and_sisters_and_some_have_children_at_both_schools() {
    Map<Guardian, List<Pupil>> byGuardian = new HashMap<>();
    for (PupilGuardian l : DEMO.links()) {
      if (l.hasParentalResponsibility()) {
        byGuardian.computeIfAbsent(l.getGuardian(), g -> new ArrayList<>()).add(l.getPupil());
      }
    }
    long withSiblings = byGuardian.values().stream().filter(c -> c.size() >= 2).count();
    long withThree = byGuardian.values().stream().filter(c -> c.size() >= 3).count();
    long atBothSchools =
        byGuardian.values().stream().filter(c -> c.stream().map(Pupil::getSchool).distinct().count() == 2).count();

    assertThat(withSiblings).isGreaterThan(byGuardian.size() / 4);
    assertThat(withThree).isGreaterThan(20);
    assertThat(atBothSchools).isGreaterThanOrEqualTo(30);
  }

  @Test
  void about_one_parent_in_seven_has_no_email_and_about_one_in_five_reads_another_language() {
    List<Guardian> guardians = DEMO.guardians();
    long withoutEmail = guardians.stream().filter(g -> g.email().isEmpty()).count();
    Map<Language, Long> byLanguage = guardians.stream().collect(Collectors.groupingBy(Guardian::language, Collectors.counting()));

    assertThat(withoutEmail * 100 / guardians.size()).isBetween(10L, 20L);
    for (Language language : List.of(Language.PL, Language.RO, Language.UR, Language.AR)) {
      assertThat(byLanguage.getOrDefault(language, 0L)).as(language.name()).isGreaterThanOrEqualTo(30L);
    }
    assertThat((guardians.size() - byLanguage.get(Language.EN)) * 100 / guardians.size()).isBetween(15L, 25L);
  }

  @Test
  void parents_prefer_texts_or_email_a_few_opted_out_of_texts_and_everyone_can_be_reached() {
    List<Guardian> guardians = DEMO.guardians();
    assertThat(guardians).filteredOn(g -> g.getPreferredChannel() == ContactChannel.EMAIL).hasSizeGreaterThan(guardians.size() / 10);
    assertThat(guardians).filteredOn(Guardian::isSmsOptOut).hasSizeBetween(5, guardians.size() / 20)
        .allSatisfy(g -> assertThat(g.email()).isPresent());
    assertThat(guardians).allSatisfy(g -> assertThat(g.phoneNumbers().isEmpty() && g.email().isEmpty()).isFalse());
    assertThat(guardians).filteredOn(g -> g.getPreferredChannel() == ContactChannel.EMAIL).allSatisfy(g -> assertThat(g.email()).isPresent());
    assertThat(guardians).filteredOn(g -> g.getPreferredChannel() == ContactChannel.SMS)
        .allSatisfy(g -> assertThat(g.mobile()).isPresent());
  }

  @Test
  void every_phone_number_is_valid_every_mobile_unique_and_none_a_drama_number() {
    Set<String> mobiles = new HashSet<>();
    for (Guardian g : DEMO.guardians()) {
      for (PhoneNumber n : g.phoneNumbers()) {
        assertThat(PhoneNumber.parse("phone", n.display())).isEqualTo(n);
        assertThat(n.e164()).doesNotStartWith("+447700900");
      }
      g.mobile().ifPresent(m -> {
        assertThat(m.isMobile()).as(m.display()).isTrue();
        assertThat(mobiles.add(m.e164())).as("unique " + m.display()).isTrue();
      });
    }
    Set<String> documented = DemoSignIns.PARENTS.stream().map(DemoSignIns.Parent::mobileE164).collect(Collectors.toSet());
    assertThat(DEMO.guardians()).filteredOn(g -> g.mobile().map(m -> documented.contains(m.e164())).orElse(false))
        .extracting(Guardian::fullName)
        .containsExactlyInAnyOrder("Amira Haddad", "Karim Haddad", "Sarah Jones", "Mark Jones", "Łukasz Kowalski");
  }

  @Test
  void every_email_is_unique_and_on_a_domain_reserved_for_examples() {
    List<String> emails = new ArrayList<>();
    DEMO.guardians().forEach(g -> g.email().ifPresent(e -> emails.add(e.value())));
    DEMO.staff().forEach(s -> emails.add(s.getEmail()));
    assertThat(emails).doesNotHaveDuplicates();
    assertThat(emails).allSatisfy(e -> assertThat(e).matches(".+@example\\.(com|org)"));
  }

  @Test
  void names_come_from_the_communities_of_a_city_accents_included() {
    Set<String> names = new HashSet<>();
    DEMO.pupils().forEach(p -> names.add(p.legalFullName()));
    DEMO.guardians().forEach(g -> names.add(g.fullName()));
    for (String letter : List.of("Ł", "ł", "ö", "ë", "ş", "ș", "é")) {
      assertThat(names.stream().anyMatch(n -> n.contains(letter))).as("a name with " + letter).isTrue();
    }
    Set<String> surnames = DEMO.pupils().stream().map(Pupil::getLegalLastName).collect(Collectors.toSet());
    assertThat(surnames).hasSizeGreaterThan(250);
    assertThat(DEMO.pupils()).filteredOn(p -> p.getPreferredFirstName() != null).hasSizeGreaterThan(10);
  }

  @Test
  void separated_parents_live_apart_and_both_receive_letters() {
    List<PupilGuardian> apart =
        DEMO.links().stream()
            .filter(l -> l.hasParentalResponsibility() && !l.livesWithPupil() && l.isFlaggedForCorrespondence())
            .toList();
    assertThat(apart).hasSizeGreaterThan(80);
    for (PupilGuardian l : apart) {
      List<PupilGuardian> household = DEMO.linksOf(l.getPupil());
      PupilGuardian resident = household.get(0);
      assertThat(resident.livesWithPupil()).isTrue();
      assertThat(resident.getGuardian().address()).isNotEqualTo(l.getGuardian().address());
    }
  }

  @Test
  void grandparents_and_step_parents_without_responsibility_are_rung_after_the_parents() {
    List<PupilGuardian> withoutResponsibility =
        DEMO.links().stream()
            .filter(l -> !l.hasParentalResponsibility() && !l.getRelationship().equals("Foster carer"))
            .toList();
    assertThat(withoutResponsibility).extracting(PupilGuardian::getRelationship).contains("Grandmother", "Stepfather");
    assertThat(withoutResponsibility).allSatisfy(l -> {
      assertThat(l.getContactPriority()).isGreaterThan(1);
      assertThat(l.mayAccessChild()).isFalse();
    });
  }

  @Test
  void a_court_order_stops_contact_with_one_or_two_parents_and_says_why() {
    List<PupilGuardian> noContact = DEMO.links().stream().filter(PupilGuardian::isNoContact).toList();
    assertThat(noContact).hasSizeBetween(1, 4);
    assertThat(noContact).allSatisfy(l -> {
      assertThat(l.getNoContactReason()).containsIgnoringCase("order");
      assertThat(l.hasParentalResponsibility()).isTrue();
      assertThat(l.mayAccessChild()).isFalse();
      assertThat(l.isFlaggedForCorrespondence()).isFalse();
    });
  }

  @Test
  void pupils_who_speak_another_language_at_home_are_flagged_eal() {
    for (PupilGuardian l : DEMO.links()) {
      if (l.getGuardian().language() != Language.EN && l.hasParentalResponsibility()) {
        assertThat(l.getPupil().isEal()).as(l.getPupil().displayName()).isTrue();
      }
    }
    assertThat(DEMO.pupils()).filteredOn(Pupil::isEal).hasSizeBetween(200, 700);
  }

  @Test
  void needs_and_safeguarding_flags_are_spread_as_in_a_real_school() {
    List<Pupil> pupils = DEMO.pupils();
    int n = pupils.size();
    assertThat(percent(pupils.stream().filter(Pupil::isPupilPremium).count(), n)).isBetween(20, 30);
    assertThat(percent(pupils.stream().filter(p -> p.getSenStatus() == SenStatus.K).count(), n)).isBetween(9, 15);
    assertThat(percent(pupils.stream().filter(p -> p.getSenStatus() == SenStatus.EHCP).count(), n)).isBetween(2, 5);
    assertThat(pupils).filteredOn(Pupil::isLookedAfter).hasSizeBetween(2, 8)
        .allSatisfy(p -> assertThat(p.hasSocialWorker()).isTrue());
    assertThat(pupils).filteredOn(Pupil::isChildProtection).hasSizeBetween(2, 10);
    assertThat(pupils).filteredOn(Pupil::isChildInNeed).hasSizeBetween(3, 20);
    assertThat(pupils).filteredOn(Pupil::isVulnerable).hasSizeBetween(15, 60);
    assertThat(pupils).filteredOn(Pupil::isMedicalEvidenceRequired).isNotEmpty()
        .allSatisfy(p -> assertThat(p.getMedicalEvidenceReason()).isNotBlank());
    for (School school : DEMO.schools()) {
      assertThat(DEMO.pupilsAt(school)).filteredOn(Pupil::isVulnerable).isNotEmpty();
    }
  }

  @Test
  void upns_are_a_check_letter_and_twelve_digits_and_unique() {
    assertThat(DEMO.pupils()).extracting(Pupil::getUpn).doesNotHaveDuplicates()
        .allSatisfy(upn -> {
          assertThat(upn).matches("[A-Z][0-9]{12}");
          // DfE: digits 2-13 weighted by their position, summed, modulo 23, read from A-Z without I, O, S
          int sum = 0;
          for (int i = 1; i <= 12; i++) {
            sum += (upn.charAt(i) - '0') * (i + 1);
          }
          assertThat(upn.charAt(0)).isEqualTo("ABCDEFGHJKLMNPQRTUVWXYZ".charAt(sum % 23));
        });
  }

  @Test
  void dates_of_birth_match_the_year_group_with_the_first_of_september_cut_off() {
    for (Pupil p : DEMO.pupils()) {
      // 2026/27: Reception children were born between 1 September 2021 and 31 August 2022
      LocalDate earliest = LocalDate.of(2021 - p.getYearGroup(), 9, 1);
      assertThat(p.getDateOfBirth()).as(p.displayName()).isBetween(earliest, earliest.plusYears(1).minusDays(1));
    }
  }

  // ---- calendar and registers ---------------------------------------------------------------------

  @Test
  void the_autumn_term_has_an_inset_day_before_pupils_return_a_half_term_and_an_inset_day_after_it() {
    SchoolCalendar calendar = DEMO.calendarOf(DEMO.academy());
    LocalDate tuesday1September = LocalDate.of(2026, 9, 1);

    assertThat(calendar.termOf(tuesday1September)).isPresent();
    assertThat(calendar.isSchoolDay(tuesday1September)).as("INSET").isFalse();
    assertThat(calendar.isSchoolDay(tuesday1September.plusDays(1))).isTrue();
    for (LocalDate d = LocalDate.of(2026, 10, 26); !d.isAfter(LocalDate.of(2026, 10, 30)); d = d.plusDays(1)) {
      assertThat(calendar.isSchoolDay(d)).as(d.toString()).isFalse();
    }
    assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 2))).as("INSET after half term").isFalse();
    assertThat(calendar.terms()).extracting(SchoolCalendar.Term::name).containsExactly("Autumn 2026", "Spring 2027", "Summer 2027");
    assertThat(DEMO.calendarOf(DEMO.primary()).closures()).hasSameSizeAs(calendar.closures());
  }

  @Test
  void no_marks_on_weekends_closures_today_or_later_or_before_a_pupil_joined() {
    Map<UUID, Pupil> pupils = pupilsById();
    Map<School, SchoolCalendar> calendars = Map.of(DEMO.primary(), DEMO.calendarOf(DEMO.primary()), DEMO.academy(), DEMO.calendarOf(DEMO.academy()));
    assertThat(DEMO.marks()).allSatisfy(m -> {
      Pupil p = pupils.get(m.pupilId());
      assertThat(m.date()).isBefore(TODAY);
      assertThat(m.date().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      assertThat(calendars.get(p.getSchool()).meets(m.date(), m.session())).as(m.toString()).isTrue();
      assertThat(p.isOnRoll(m.date())).isTrue();
    });
    assertThat(DEMO.pupils()).filteredOn(p -> p.getOnRollFrom().isAfter(LocalDate.of(2026, 9, 2))).hasSizeBetween(3, 10);
  }

  @Test
  void every_session_the_school_met_while_a_pupil_was_on_roll_has_exactly_one_mark() {
    Map<UUID, Set<String>> marked = new HashMap<>();
    for (DemoMark m : DEMO.marks()) {
      assertThat(marked.computeIfAbsent(m.pupilId(), k -> new HashSet<>()).add(m.date() + m.session().name())).isTrue();
    }
    for (Pupil p : DEMO.pupils()) {
      SchoolCalendar calendar = DEMO.calendarOf(p.getSchool());
      int expected = 0;
      for (LocalDate d = LocalDate.of(2026, 9, 1); d.isBefore(TODAY); d = d.plusDays(1)) {
        for (Session s : Session.values()) {
          expected += calendar.meets(d, s) && p.isOnRoll(d) ? 1 : 0;
        }
      }
      assertThat(marked.getOrDefault(p.getId(), Set.of())).as(p.displayName()).hasSize(expected);
    }
  }

  @Test
  void every_mark_is_a_2024_code_valid_for_its_date_and_session() {
    Map<UUID, Pupil> pupils = pupilsById();
    Set<String> used = new HashSet<>();
    for (DemoMark m : DEMO.marks()) {
      AttendanceCode code = CODES.forSession(m.code(), m.date());
      used.add(code.code());
      assertThat(code.category()).isNotIn(CodeCategory.LEGACY, CodeCategory.ADMIN);
      if (code.reasonRequired()) {
        assertThat(m.reason()).as(m.toString()).isNotBlank();
      }
      int close = pupils.get(m.pupilId()).getSchool().registerTimes().closeAfterMinutes();
      switch (m.code()) {
        case "/" -> assertThat(m.session()).isEqualTo(Session.AM);
        case "\\" -> assertThat(m.session()).isEqualTo(Session.PM);
        case "L" -> assertThat(m.minutesLate()).isBetween(1, close - 1);
        case "U" -> assertThat(m.minutesLate()).isGreaterThanOrEqualTo(close);
        default -> assertThat(m.minutesLate()).isNull();
      }
    }
    assertThat(used).contains("/", "\\", "L", "U", "I", "M", "C", "G", "O", "N", "B", "P", "V", "X", "R");
  }

  @Test
  void about_one_pupil_in_six_is_persistently_absent_one_in_fifty_severely_and_most_attend_95_percent() {
    Map<UUID, long[]> figures = figures();
    int n = DEMO.pupils().size();
    long persistent = figures.values().stream().filter(f -> 10 * f[0] <= 9 * f[1]).count();
    long severe = figures.values().stream().filter(f -> 2 * f[0] <= f[1]).count();
    long good = figures.values().stream().filter(f -> 100 * f[0] >= 95 * f[1]).count();

    assertThat(percent(persistent, n)).isBetween(10, 20);
    assertThat(percent(severe, n)).isBetween(1, 4);
    assertThat(good * 100 / n).isGreaterThan(75);
  }

  @Test
  void each_pupil_attends_within_the_band_of_their_profile() {
    Map<UUID, long[]> figures = figures();
    for (Pupil p : DEMO.pupils()) {
      long[] f = figures.get(p.getId());
      AttendanceProfile profile = DEMO.profileOf(p);
      assertThat(f[1]).isPositive();
      assertThat(100 * f[0]).as(p.displayName() + " " + profile)
          .isBetween((long) profile.lowestPercent() * f[1] - 100, (long) profile.highestPercent() * f[1]);
      if (profile == AttendanceProfile.GOOD) {
        assertThat(100 * f[0]).isGreaterThanOrEqualTo(95 * f[1]);
      }
    }
    Pupil harry = DEMO.pupils().stream().filter(p -> p.legalFullName().equals("Harry Jones")).findFirst().orElseThrow();
    assertThat(DEMO.profileOf(harry)).isEqualTo(AttendanceProfile.PERSISTENT);
  }

  @Test
  void mondays_and_fridays_have_more_absence_than_midweek() {
    Map<DayOfWeek, long[]> byDay = new EnumMap<>(DayOfWeek.class);
    for (DemoMark m : DEMO.marks()) {
      CountsAs counts = CODES.get(m.code()).countsAs();
      if (counts.isPossible()) {
        long[] d = byDay.computeIfAbsent(m.date().getDayOfWeek(), k -> new long[2]);
        d[0] += counts.isAbsence() ? 1 : 0;
        d[1]++;
      }
    }
    long[] midweek = new long[2];
    for (DayOfWeek d : List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
      midweek[0] += byDay.get(d)[0];
      midweek[1] += byDay.get(d)[1];
    }
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
      // absent/possible on that day > absent/possible midweek, cross-multiplied
      assertThat(byDay.get(d)[0] * midweek[1]).as(d.toString()).isGreaterThan(midweek[0] * byDay.get(d)[1]);
    }
  }

  @Test
  void lates_cluster_in_some_pupils() {
    Map<UUID, Long> lates =
        DEMO.marks().stream().filter(m -> m.code().equals("L")).collect(Collectors.groupingBy(DemoMark::pupilId, Collectors.counting()));
    long total = lates.values().stream().mapToLong(Long::longValue).sum();
    long topTenth =
        lates.values().stream().sorted(Comparator.reverseOrder()).limit(DEMO.pupils().size() / 10).mapToLong(Long::longValue).sum();

    assertThat(total).isGreaterThan(300);
    assertThat(topTenth * 2).isGreaterThan(total);
  }

  @Test
  void reasons_not_yet_known_appear_only_in_the_last_five_school_days_and_only_a_few() {
    List<LocalDate> recent = DEMO.calendarOf(DEMO.academy()).schoolDaysBetween(LocalDate.of(2026, 11, 3), TODAY.minusDays(1));
    List<LocalDate> lastFive = recent.subList(recent.size() - 5, recent.size());
    List<DemoMark> unexplained = DEMO.marks().stream().filter(m -> m.code().equals("N")).toList();

    assertThat(unexplained).isNotEmpty();
    assertThat(unexplained).extracting(DemoMark::date).allSatisfy(d -> assertThat(d).isIn(lastFive));
    assertThat(unexplained.size()).isLessThan(DEMO.pupils().size() / 10);
  }

  @Test
  void the_same_seed_gives_the_same_trust_and_another_seed_another() {
    DemoTrust again = DemoData.generate(TODAY, DemoData.DEMO_SEED);
    DemoTrust other = DemoData.generate(TODAY, DemoData.DEMO_SEED + 1);

    assertThat(fingerprint(again)).isEqualTo(fingerprint(DEMO));
    assertThat(fingerprint(other)).isNotEqualTo(fingerprint(DEMO));
    assertThat(other.guardianWithMobile(DemoSignIns.AMIRA_HADDAD.mobileE164())).isPresent();
  }

  @Test
  void on_the_first_day_of_term_the_trust_is_complete_and_no_register_is_taken_yet() {
    DemoTrust firstDay = DemoData.generate(LocalDate.of(2026, 9, 2), DemoData.DEMO_SEED);

    assertThat(firstDay.pupils()).hasSameSizeAs(DEMO.pupils());
    assertThat(firstDay.marks()).isEmpty();
    assertThat(firstDay.terms()).extracting(t -> t.getName()).contains("Autumn 2026");
    assertThat(firstDay.guardianWithMobile(DemoSignIns.SARAH_JONES.mobileE164())).isPresent();
  }

  // ---- helpers ---------------------------------------------------------------------------------------

  private static Guardian documented(DemoSignIns.Parent parent) {
    return DEMO.guardianWithMobile(parent.mobileE164()).orElseThrow(() -> new AssertionError("no " + parent.fullName()));
  }

  private static List<Pupil> children(Guardian g) {
    return DEMO.linksOf(g).stream().map(PupilGuardian::getPupil).toList();
  }

  private static List<String> rolesOf(String username) {
    return DEMO.signIn(username).orElseThrow().roles().stream()
        .map((RoleAssignment r) -> r.getRole().name() + "@" + r.getSchool().getUrn())
        .toList();
  }

  private static Map<UUID, Pupil> pupilsById() {
    return DEMO.pupils().stream().collect(Collectors.toMap(Pupil::getId, p -> p));
  }

  /** Attended and possible sessions per pupil, counted with the code table's categories. */
  private static Map<UUID, long[]> figures() {
    Map<UUID, long[]> figures = new HashMap<>();
    for (DemoMark m : DEMO.marks()) {
      CountsAs counts = CODES.get(m.code()).countsAs();
      if (counts.isPossible()) {
        long[] f = figures.computeIfAbsent(m.pupilId(), k -> new long[2]);
        f[0] += counts == CountsAs.ATTENDED ? 1 : 0;
        f[1]++;
      }
    }
    return figures;
  }

  private static int percent(long part, int whole) {
    return (int) (part * 100 / whole);
  }

  /** Everything a person would see, without the random record ids. */
  private static List<String> fingerprint(DemoTrust demo) {
    Map<UUID, String> upn = new HashMap<>();
    List<String> lines = new ArrayList<>();
    for (Pupil p : demo.pupils()) {
      upn.put(p.getId(), p.getUpn());
      lines.add(String.join("|", p.getUpn(), p.legalFullName(), p.displayName(), p.getDateOfBirth().toString(),
          p.getGroup().getName(), p.getSenStatus().name(), String.valueOf(p.isPupilPremium()), String.valueOf(p.isEal()),
          String.valueOf(p.isVulnerable()), p.getOnRollFrom().toString(), String.valueOf(demo.profileOf(p))));
    }
    for (PupilGuardian l : demo.links()) {
      Guardian g = l.getGuardian();
      lines.add(String.join("|", upn.get(l.getPupil().getId()), g.formalName(), g.fullName(), String.valueOf(g.mobile()),
          String.valueOf(g.email()), String.valueOf(g.address()), g.language().name(), l.getRelationship(),
          String.valueOf(l.getContactPriority()), String.valueOf(l.livesWithPupil()), String.valueOf(l.isNoContact())));
    }
    for (DemoMark m : demo.marks()) {
      lines.add(upn.get(m.pupilId()) + "|" + m.date() + "|" + m.session() + "|" + m.code() + "|" + m.minutesLate() + "|" + m.reason());
    }
    return lines;
  }
}

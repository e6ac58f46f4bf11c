package org.schoolgate.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.schoolgate.demo.DemoNames.Heritage;
import org.schoolgate.directory.domain.ContactChannel;
import org.schoolgate.directory.domain.EmailAddress;
import org.schoolgate.directory.domain.Gender;
import org.schoolgate.directory.domain.Guardian;
import org.schoolgate.directory.domain.Language;
import org.schoolgate.directory.domain.PhoneNumber;
import org.schoolgate.directory.domain.PostalAddress;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.PupilGuardian;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.SenStatus;
import org.schoolgate.directory.domain.TeachingGroup;

/**
 * The families of the demo trust: every seat in every class filled by children of households that
 * look like a city's: two parents, single parents, separated parents who both hold parental
 * responsibility and live apart, grandparents raising grandchildren, children in foster care;
 * brothers and sisters spread over the year groups of both schools; parents who read another
 * language, who have no email, who prefer email or have opted out of texts; a court order that stops
 * one parent being contacted.
 */
final class DemoFamilies {

  /** A generated child, with what the registers need to know about the family. */
  record Child(Pupil pupil, Heritage heritage, int family, boolean loneParent, AttendanceProfile fixedProfile) {}

  private enum Household {
    TWO_PARENTS,
    SINGLE_PARENT,
    SEPARATED,
    KINSHIP,
    FOSTER
  }

  /** One guardian's place in a household, the same for each child of the family. */
  private record Carer(
      Guardian guardian,
      String relationship,
      boolean responsibility,
      boolean livesWithChildren,
      int priority,
      boolean correspondence,
      String noContactReason) {}

  static final int CLASS_SIZE = 30;
  /** Manchester's local authority number, the first three digits of its UPNs. */
  private static final String LA = "352";
  private static final String PRIMARY_ESTABLISHMENT = "2417";
  private static final String ACADEMY_ESTABLISHMENT = "4012";
  private static final String UPN_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
  private static final Set<String> RESERVED_SURNAMES = Set.of("Jones", "Haddad", "Kowalski", "Okafor");
  private static final Set<Heritage> RECENT_ARRIVALS = Set.of(Heritage.UKRAINIAN, Heritage.ROMANIAN, Heritage.ARABIC);

  private static final String[] STREETS = {
    "Hawthorn Avenue", "Mill Lane", "Brook Road", "Station Road", "Albert Road", "Victoria Street", "Chapel Street",
    "Stanley Grove", "Beech Road", "Clarendon Road", "Cromwell Grove", "Elm Grove", "Grosvenor Street", "Kingsway",
    "Lime Grove", "Moseley Road", "Park Avenue", "Queens Road", "Richmond Grove", "Rowsley Street", "Slade Lane",
    "Thornton Road", "Westwood Avenue", "Windsor Road", "Crossley Road", "Delamere Road", "Mount Road",
    "Errwood Road", "Marshall Road", "Cringle Road", "Matthews Lane", "Broom Lane"
  };
  private static final String[][] DISTRICTS = {
    {"Levenshulme", "Manchester", "M19"}, {"Burnage", "Manchester", "M19"}, {"Longsight", "Manchester", "M12"},
    {"Gorton", "Manchester", "M18"}, {"Fallowfield", "Manchester", "M14"}, {"Rusholme", "Manchester", "M14"},
    {"Withington", "Manchester", "M20"}, {"Reddish", "Stockport", "SK5"}, {"Heaton Chapel", "Stockport", "SK4"}
  };
  private static final String POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
  private static final String COURT_ORDER =
      "Prohibited steps order (family court, March 2025): no contact with the child and no information"
          + " about them to this parent. Copy held by the DSL.";
  private static final String CARE_ORDER =
      "Care order: the local authority has stopped this parent's contact. Speak to the DSL and the"
          + " child's social worker before sharing anything.";

  private final Random random;
  private final DemoCalendar calendar;
  private final School primary;
  private final School academy;
  private final TreeMap<Integer, List<TeachingGroup>> groupsByYear = new TreeMap<>();
  private final List<TeachingGroup> groups;
  private final int[] seatsTaken;
  private final LocalDate joinDate;
  private final TreeMap<Integer, LocalDate> pupilsReturnByYear = new TreeMap<>();

  private final List<Child> children = new ArrayList<>();
  private final List<Guardian> guardians = new ArrayList<>();
  private final List<PupilGuardian> links = new ArrayList<>();
  private final Set<String> mobiles = new HashSet<>();
  private final Set<String> emails = new HashSet<>();
  private final Set<String> landlines = new HashSet<>();
  private final Set<String> upns = new HashSet<>();
  private final Set<String> addresses = new HashSet<>();
  private int families;
  private int joinersPrimary = 2;
  private int joinersAcademy = 5;
  private int courtOrders = 1;

  DemoFamilies(Random random, DemoCalendar calendar, LocalDate today, School primary, School academy, List<TeachingGroup> groups) {
    this.random = random;
    this.calendar = calendar;
    this.primary = primary;
    this.academy = academy;
    this.groups = List.copyOf(groups);
    this.seatsTaken = new int[groups.size()];
    for (TeachingGroup g : groups) {
      groupsByYear.computeIfAbsent(g.getYearGroup(), y -> new ArrayList<>()).add(g);
    }
    List<LocalDate> pupilDays = calendar.schoolCalendar().schoolDaysBetween(calendar.pupilsReturn(), today.minusDays(1));
    // Families who arrived this term joined some weeks in, when there are weeks behind us.
    this.joinDate = pupilDays.size() < 10 ? null : pupilDays.get(Math.min(25, pupilDays.size() * 2 / 3));
    for (DemoSignIns.Parent p : DemoSignIns.PARENTS) {
      mobiles.add(p.mobileE164());
      if (p.email() != null) {
        emails.add(p.email());
      }
    }
  }

  List<Child> children() {
    return children;
  }

  List<Guardian> guardians() {
    return guardians;
  }

  List<PupilGuardian> links() {
    return links;
  }

  /** Fills every class: the documented families first, then children in care, then everyone else. */
  DemoFamilies generate() {
    documentedFamilies();
    fosterChild(primary);
    for (int i = 0; i < 3; i++) {
      fosterChild(academy);
    }
    while (freeSeats() > 0) {
      randomFamily();
    }
    needsAndSafeguarding();
    return this;
  }

  // ---- the families the README documents ---------------------------------------------------------

  private void documentedFamilies() {
    PostalAddress haddadHome = address();
    Guardian amira = documented(DemoSignIns.AMIRA_HADDAD, haddadHome);
    Guardian karim = documented(DemoSignIns.KARIM_HADDAD, haddadHome);
    int haddad = ++families;
    List<Carer> haddads =
        List.of(
            new Carer(amira, "Mother", true, true, 1, true, null),
            new Carer(karim, "Father", true, true, 2, false, null));
    documentedChild(DemoSignIns.YASMIN_HADDAD, Gender.FEMALE, Heritage.ARABIC, haddad, haddads, null);
    documentedChild(DemoSignIns.OMAR_HADDAD, Gender.MALE, Heritage.ARABIC, haddad, haddads, null);

    Guardian sarah = documented(DemoSignIns.SARAH_JONES, address());
    Guardian mark = documented(DemoSignIns.MARK_JONES, address());
    int jones = ++families;
    List<Carer> joneses =
        List.of(
            new Carer(sarah, "Mother", true, true, 1, true, null),
            new Carer(mark, "Father", true, false, 2, true, null));
    documentedChild(DemoSignIns.ELLA_JONES, Gender.FEMALE, Heritage.ENGLISH, jones, joneses, AttendanceProfile.GOOD);
    documentedChild(DemoSignIns.HARRY_JONES, Gender.MALE, Heritage.ENGLISH, jones, joneses, AttendanceProfile.PERSISTENT);

    PostalAddress kowalskiHome = address();
    Guardian lukasz = documented(DemoSignIns.LUKASZ_KOWALSKI, kowalskiHome);
    Guardian agnieszka = new Guardian("Mrs", "Agnieszka", "Kowalska");
    agnieszka.changeContactDetails(Optional.of(newMobile()), Optional.empty(), Optional.empty());
    agnieszka.changeAddress(kowalskiHome);
    agnieszka.changePreferences(Language.PL, ContactChannel.SMS);
    guardians.add(agnieszka);
    int kowalski = ++families;
    List<Carer> kowalskis =
        List.of(
            new Carer(lukasz, "Father", true, true, 1, true, null),
            new Carer(agnieszka, "Mother", true, true, 2, false, null));
    documentedChild(DemoSignIns.JAKUB_KOWALSKI, Gender.MALE, Heritage.POLISH, kowalski, kowalskis, AttendanceProfile.GOOD);
  }

  private Guardian documented(DemoSignIns.Parent p, PostalAddress home) {
    Guardian g = new Guardian(p.title(), p.firstName(), p.lastName());
    g.changeContactDetails(
        Optional.of(PhoneNumber.parse("mobile", p.mobile())),
        Optional.empty(),
        EmailAddress.parseOptional("email", p.email()));
    g.changeAddress(home);
    g.changePreferences(p.language(), p.channel());
    guardians.add(g);
    return g;
  }

  private void documentedChild(
      DemoSignIns.Child c, Gender gender, Heritage heritage, int family, List<Carer> carers, AttendanceProfile profile) {
    TeachingGroup group =
        c.yearGroup() == 4 ? groupNamed(DemoSignIns.TEACHER_PRIMARY_CLASS) : freeGroup(c.yearGroup(), null);
    Pupil pupil = pupil(group, c.firstName(), c.lastName(), gender, null, null);
    boolean eal = carers.stream().anyMatch(k -> k.guardian().language() != Language.EN);
    pupil.changeNeeds(SenStatus.NONE, false, eal);
    link(pupil, carers);
    children.add(new Child(pupil, heritage, family, false, profile == null ? AttendanceProfile.GOOD : profile));
  }

  // ---- children in foster care ------------------------------------------------------------------

  private void fosterChild(School school) {
    int year = school == primary ? 1 + random.nextInt(6) : 7 + random.nextInt(5);
    TeachingGroup group = freeGroup(year, null);
    if (group == null) {
      return;
    }
    Heritage heritage = heritage();
    int family = ++families;
    PostalAddress fosterHome = address();
    List<Carer> carers = new ArrayList<>();
    Heritage carerHeritage = random.nextDouble() < 0.7 ? Heritage.ENGLISH : heritage;
    String carerSurname = surname(carerHeritage);
    carers.add(
        new Carer(
            adult(carerHeritage, true, false, carerHeritage.surnameFor(carerSurname, true), fosterHome, null),
            "Foster carer", false, true, 1, true, null));
    if (random.nextDouble() < 0.6) {
      carers.add(new Carer(adult(carerHeritage, false, false, carerSurname, fosterHome, null), "Foster carer", false, true, 2, false, null));
    }
    String surname = surname(heritage);
    boolean female = random.nextBoolean();
    carers.add(
        new Carer(adult(heritage, true, false, heritage.surnameFor(surname, true), address(), null), "Mother", true, false, 3, false, null));
    boolean firstInCareAtAcademy =
        school == academy && children.stream().noneMatch(c -> c.pupil().isLookedAfter() && c.pupil().getSchool() == academy);
    if (firstInCareAtAcademy) {
      carers.add(new Carer(adult(heritage, false, false, surname, address(), null), "Father", true, false, 4, false, CARE_ORDER));
    }
    Pupil pupil = pupil(group, firstName(heritage, female, Set.of()), heritage.surnameFor(surname, female), female ? Gender.FEMALE : Gender.MALE, null, null);
    pupil.changeNeeds(SenStatus.NONE, true, random.nextDouble() < heritage.ealShare);
    pupil.changeSafeguardingFlags(true, true, false, false, true);
    link(pupil, carers);
    children.add(new Child(pupil, heritage, family, true, null));
  }

  // ---- everyone else -------------------------------------------------------------------------------

  private void randomFamily() {
    Heritage heritage = heritage();
    List<Integer> years = siblingYears(familySize());
    if (years.isEmpty()) {
      return;
    }
    Household kind = household();
    int family = ++families;
    LocalDate joined = null;
    boolean arriving = random.nextDouble() < 0.3; // drawn every time, so families do not depend on the date
    if (joinDate != null && RECENT_ARRIVALS.contains(heritage) && arriving) {
      boolean primaryOnly = years.stream().allMatch(y -> y <= 6);
      boolean academyOnly = years.stream().allMatch(y -> y >= 7);
      if (primaryOnly && joinersPrimary >= years.size()) {
        joinersPrimary -= years.size();
        joined = joinDate;
      } else if (academyOnly && joinersAcademy >= years.size()) {
        joinersAcademy -= years.size();
        joined = joinDate;
      }
    }

    String surname = surname(heritage);
    boolean mixed = (kind == Household.TWO_PARENTS || kind == Household.SEPARATED) && random.nextDouble() < 0.08;
    Heritage motherHeritage = mixed ? (heritage == Heritage.ENGLISH ? heritageOtherThan(Heritage.ENGLISH) : Heritage.ENGLISH) : heritage;
    boolean ownSurname = mixed || random.nextDouble() < motherHeritage.motherKeepsOwnSurname
        || (kind == Household.SEPARATED && random.nextDouble() < 0.4);
    String motherSurname = ownSurname ? motherHeritage.surnameFor(surname(motherHeritage), true) : heritage.surnameFor(surname, true);
    PostalAddress home = address();
    PhoneNumber landline = random.nextDouble() < 0.25 ? newLandline() : null;

    List<Carer> carers = new ArrayList<>();
    boolean loneParent = false;
    String preferredLastName = null;
    switch (kind) {
      case TWO_PARENTS -> {
        Guardian mother = adult(motherHeritage, true, false, motherSurname, home, landline);
        boolean twoMothers = random.nextDouble() < 0.015;
        Guardian other =
            twoMothers
                ? adult(heritage, true, false, heritage.surnameFor(surname, true), home, landline)
                : adult(heritage, false, false, surname, home, landline);
        boolean motherFirst = random.nextDouble() < 0.75;
        carers.add(new Carer(mother, "Mother", true, true, motherFirst ? 1 : 2, motherFirst, null));
        carers.add(new Carer(other, twoMothers ? "Mother" : "Father", true, true, motherFirst ? 2 : 1, !motherFirst, null));
      }
      case SINGLE_PARENT -> {
        loneParent = true;
        boolean mum = random.nextDouble() < 0.85;
        Guardian parent = adult(mum ? motherHeritage : heritage, mum, false, mum ? motherSurname : surname, home, landline);
        carers.add(new Carer(parent, mum ? "Mother" : "Father", true, true, 1, true, null));
      }
      case SEPARATED -> {
        loneParent = true;
        boolean mumAtHome = random.nextDouble() < 0.8;
        Guardian mother = adult(motherHeritage, true, false, motherSurname, mumAtHome ? home : address(), mumAtHome ? landline : null);
        Guardian father = adult(heritage, false, false, surname, mumAtHome ? address() : home, mumAtHome ? null : landline);
        Guardian resident = mumAtHome ? mother : father;
        Guardian apart = mumAtHome ? father : mother;
        String noContact = null;
        if (courtOrders > 0 && families > 120) {
          courtOrders--;
          noContact = COURT_ORDER;
        }
        carers.add(new Carer(resident, mumAtHome ? "Mother" : "Father", true, true, 1, true, null));
        carers.add(new Carer(apart, mumAtHome ? "Father" : "Mother", true, false, 2, noContact == null, noContact));
        if (random.nextDouble() < 0.35) {
          Heritage partnerHeritage = random.nextDouble() < 0.7 ? heritage : heritage();
          Guardian partner = adult(partnerHeritage, !mumAtHome, false, surname(partnerHeritage), home, landline);
          carers.add(new Carer(partner, mumAtHome ? "Stepfather" : "Stepmother", false, true, 3, false, null));
        }
        if (mumAtHome && !motherSurname.equals(heritage.surnameFor(surname, true)) && random.nextDouble() < 0.25) {
          preferredLastName = motherSurname;
        }
      }
      case KINSHIP -> {
        loneParent = true;
        Guardian grandmother = adult(motherHeritage, true, true, motherSurname, home, landline);
        carers.add(new Carer(grandmother, "Grandmother", true, true, 1, true, null));
        if (random.nextBoolean()) {
          carers.add(new Carer(adult(motherHeritage, false, true, motherSurname, home, landline), "Grandfather", true, true, 2, false, null));
        }
        if (random.nextDouble() < 0.6) {
          Guardian mother = adult(heritage, true, false, heritage.surnameFor(surname, true), address(), null);
          carers.add(new Carer(mother, "Mother", true, false, carers.size() + 1, false, null));
        }
      }
      case FOSTER -> throw new IllegalStateException("children in care are generated on their own");
    }
    if (kind != Household.KINSHIP && carers.size() < 4 && random.nextDouble() < 0.22) {
      boolean female = random.nextDouble() < 0.7;
      boolean grandparent = random.nextDouble() < 0.75;
      Heritage h = random.nextBoolean() ? heritage : motherHeritage;
      String relationship = grandparent ? (female ? "Grandmother" : "Grandfather") : (female ? "Aunt" : "Uncle");
      String name = grandparent && h == motherHeritage && h != heritage ? h.surnameFor(surname(h), female) : h.surnameFor(surname, female);
      Guardian relative = adult(h, female, grandparent, name, address(), null);
      carers.add(new Carer(relative, relationship, false, false, carers.size() + 1, false, null));
    }

    boolean familyEal =
        carers.stream().anyMatch(k -> k.guardian().language() != Language.EN)
            || random.nextDouble() < Math.max(heritage.ealShare, mixed ? motherHeritage.ealShare * 0.5 : 0);
    Set<String> firstNames = new HashSet<>();
    TeachingGroup twinGroup = null;
    int previousYear = -99;
    for (int year : years) {
      boolean female = random.nextBoolean();
      String first = firstName(heritage, female, firstNames);
      firstNames.add(first);
      TeachingGroup group = freeGroup(year, year == previousYear && random.nextBoolean() ? twinGroup : null);
      if (group == null) {
        continue;
      }
      twinGroup = group;
      previousYear = year;
      Pupil pupil = pupil(group, first, heritage.surnameFor(surname, female), female ? Gender.FEMALE : Gender.MALE, joined, preferredLastName);
      pupil.changeNeeds(SenStatus.NONE, false, familyEal);
      link(pupil, carers);
      children.add(new Child(pupil, heritage, family, loneParent, null));
    }
  }

  private int familySize() {
    double r = random.nextDouble();
    return r < 0.50 ? 1 : r < 0.86 ? 2 : 3;
  }

  private Household household() {
    double r = random.nextDouble();
    if (r < 0.58) {
      return Household.TWO_PARENTS;
    }
    if (r < 0.80) {
      return Household.SINGLE_PARENT;
    }
    if (r < 0.97) {
      return Household.SEPARATED;
    }
    return Household.KINSHIP;
  }

  /** Year groups for k brothers and sisters: one year with a free seat, the others one to four years apart. */
  private List<Integer> siblingYears(int k) {
    int[] free = new int[12];
    for (int y = 0; y <= 11; y++) {
      free[y] = freeSeats(y);
    }
    int total = 0;
    for (int f : free) {
      total += f;
    }
    if (total == 0) {
      return List.of();
    }
    int pick = random.nextInt(total);
    int anchor = 0;
    while (pick >= free[anchor]) {
      pick -= free[anchor];
      anchor++;
    }
    List<Integer> years = new ArrayList<>(List.of(anchor));
    free[anchor]--;
    for (int i = 1; i < k; i++) {
      for (int attempt = 0; attempt < 8; attempt++) {
        int base = years.get(random.nextInt(years.size()));
        int gap = random.nextDouble() < 0.04 ? 0 : 1 + random.nextInt(4);
        int year = base + (random.nextBoolean() ? gap : -gap);
        if (year < 0 || year > 11 || free[year] <= 0 || (gap > 0 && years.contains(year))) {
          continue;
        }
        years.add(year);
        free[year]--;
        break;
      }
    }
    years.sort((a, b) -> b - a);
    return years;
  }

  // ---- people --------------------------------------------------------------------------------------

  private Pupil pupil(TeachingGroup group, String first, String last, Gender gender, LocalDate joined, String preferredLast) {
    int year = group.getYearGroup();
    School school = group.getSchool();
    int academicYear = calendar.startYear();
    LocalDate earliestBirth = LocalDate.of(academicYear - 5 - year, 9, 1);
    int span = (int) (earliestBirth.plusYears(1).toEpochDay() - earliestBirth.toEpochDay());
    LocalDate birth = earliestBirth.plusDays(random.nextInt(span));
    int entryYear = school == primary ? academicYear - year : academicYear - (year - 7);
    LocalDate onRoll = joined != null ? joined : pupilsReturn(entryYear);
    String establishment;
    int allocated;
    if (joined != null) {
      establishment = school == primary ? PRIMARY_ESTABLISHMENT : ACADEMY_ESTABLISHMENT;
      allocated = academicYear;
    } else {
      boolean ourPrimary = school == primary || random.nextDouble() < 0.25;
      establishment = ourPrimary ? PRIMARY_ESTABLISHMENT : "2" + String.format("%03d", 100 + random.nextInt(900));
      allocated = academicYear - year; // UPNs are allocated when a child starts school
    }
    Pupil pupil = new Pupil(school, upn(establishment, allocated), first, last, birth, year, gender, onRoll);
    String shortName = DemoNames.shortName(first);
    String preferredFirst = shortName != null && random.nextDouble() < 0.6 ? shortName : null;
    if (preferredFirst != null || preferredLast != null) {
      pupil.rename(first, last, preferredFirst, preferredLast);
    }
    pupil.placeIn(group);
    seatsTaken[groups.indexOf(group)]++;
    return pupil;
  }

  private LocalDate pupilsReturn(int year) {
    return pupilsReturnByYear.computeIfAbsent(year, y -> DemoCalendar.ofYearStarting(y).pupilsReturn());
  }

  /**
   * A UPN as the DfE forms it: a check letter, the local authority number, the school's
   * establishment number, the year of allocation and a serial; the check letter is the sum of the
   * twelve digits weighted by their positions 2 to 13, modulo 23, read from the letters A to Z
   * without I, O and S.
   */
  static String upnCheckLetter(String twelveDigits) {
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (twelveDigits.charAt(i) - '0') * (i + 2);
    }
    return String.valueOf(UPN_CHECK_LETTERS.charAt(sum % 23));
  }

  private String upn(String establishment, int allocatedYear) {
    while (true) {
      String digits = LA + establishment + String.format("%02d", allocatedYear % 100) + String.format("%03d", random.nextInt(1000));
      String upn = upnCheckLetter(digits) + digits;
      if (upns.add(upn)) {
        return upn;
      }
    }
  }

  private void link(Pupil pupil, List<Carer> carers) {
    for (Carer c : carers) {
      PupilGuardian link =
          new PupilGuardian(pupil, c.guardian(), c.relationship(), c.responsibility(), c.livesWithChildren(), c.priority(), c.correspondence());
      if (c.noContactReason() != null) {
        link.restrictContact(true, c.noContactReason());
      }
      links.add(link);
    }
  }

  /** A parent, carer or relative with the contact details and preferences people in the city have. */
  private Guardian adult(Heritage heritage, boolean female, boolean elder, String surname, PostalAddress address, PhoneNumber landline) {
    List<String> names = elder ? (female ? heritage.grandmothers : heritage.grandfathers) : (female ? heritage.women : heritage.men);
    String first = names.get(random.nextInt(names.size()));
    String title;
    if (random.nextDouble() < 0.02) {
      title = "Dr";
    } else if (!female) {
      title = "Mr";
    } else if (elder) {
      title = "Mrs";
    } else {
      double r = random.nextDouble();
      title = r < 0.5 ? "Mrs" : r < 0.85 ? "Ms" : "Miss";
    }
    Guardian g = new Guardian(title, first, surname);
    Language language =
        heritage.portalLanguage != null && random.nextDouble() < heritage.portalLanguageShare + (elder ? 0.15 : 0)
            ? heritage.portalLanguage
            : Language.EN;
    Optional<PhoneNumber> mobile = random.nextDouble() < (elder ? 0.85 : 0.985) ? Optional.of(newMobile()) : Optional.empty();
    double withoutEmail = (elder ? 0.45 : 0.10) + (language != Language.EN ? 0.10 : 0);
    Optional<EmailAddress> email = random.nextDouble() < withoutEmail ? Optional.empty() : Optional.of(newEmail(first, surname));
    PhoneNumber home = landline;
    if (mobile.isEmpty() && home == null) {
      home = newLandline();
    }
    g.changeContactDetails(mobile, Optional.ofNullable(home), email);
    g.changeAddress(address);
    ContactChannel channel;
    if (email.isPresent() && (mobile.isEmpty() || random.nextDouble() < 0.22)) {
      channel = ContactChannel.EMAIL;
    } else if (mobile.isPresent()) {
      channel = ContactChannel.SMS;
    } else {
      channel = ContactChannel.LETTER;
    }
    if (mobile.isPresent() && email.isPresent() && random.nextDouble() < 0.03) {
      g.optOutOfSms(true);
      channel = ContactChannel.EMAIL;
    }
    g.changePreferences(language, channel);
    guardians.add(g);
    return g;
  }

  private String firstName(Heritage heritage, boolean female, Set<String> taken) {
    List<String> names = female ? heritage.girls : heritage.boys;
    for (int attempt = 0; attempt < 20; attempt++) {
      String name = names.get(random.nextInt(names.size()));
      if (!taken.contains(name)) {
        return name;
      }
    }
    return names.get(random.nextInt(names.size()));
  }

  private String surname(Heritage heritage) {
    while (true) {
      String s = heritage.surnames.get(random.nextInt(heritage.surnames.size()));
      if (!RESERVED_SURNAMES.contains(s)) {
        return s;
      }
    }
  }

  private Heritage heritage() {
    int total = 0;
    for (Heritage h : Heritage.values()) {
      total += h.weight;
    }
    int pick = random.nextInt(total);
    for (Heritage h : Heritage.values()) {
      if (pick < h.weight) {
        return h;
      }
      pick -= h.weight;
    }
    throw new IllegalStateException();
  }

  private Heritage heritageOtherThan(Heritage not) {
    Heritage h;
    do {
      h = heritage();
    } while (h == not);
    return h;
  }

  private PostalAddress address() {
    while (true) {
      String[] district = DISTRICTS[random.nextInt(DISTRICTS.length)];
      String street = STREETS[random.nextInt(STREETS.length)];
      int number = 1 + random.nextInt(160);
      String line1 = random.nextDouble() < 0.1 ? "Flat " + (1 + random.nextInt(12)) + ", " + number + " " + street : number + " " + street;
      String postcode =
          district[2] + " " + (1 + random.nextInt(8)) + POSTCODE_LETTERS.charAt(random.nextInt(POSTCODE_LETTERS.length()))
              + POSTCODE_LETTERS.charAt(random.nextInt(POSTCODE_LETTERS.length()));
      if (addresses.add(line1 + "|" + district[0])) {
        return new PostalAddress(line1, district[0], district[1], postcode);
      }
    }
  }

  /** A UK mobile in 07400 2xxxxx: valid numbers, clear of the documented parents' 07400 1xxxxx. */
  private PhoneNumber newMobile() {
    while (true) {
      String typed = String.format("07400 2%05d", random.nextInt(100_000));
      PhoneNumber number = PhoneNumber.parse("mobile", typed);
      if (mobiles.add(number.e164())) {
        return number;
      }
    }
  }

  /** A Manchester landline in 0161 496 0100 to 0999, the range Ofcom keeps for drama. */
  private PhoneNumber newLandline() {
    for (int attempt = 0; attempt < 2000; attempt++) {
      PhoneNumber number = PhoneNumber.parse("landline", String.format("0161 496 0%03d", 100 + random.nextInt(900)));
      if (landlines.add(number.e164())) {
        return number;
      }
    }
    return null;
  }

  private EmailAddress newEmail(String first, String last) {
    String f = DemoNames.ascii(first);
    String l = DemoNames.ascii(last);
    String domain = random.nextDouble() < 0.7 ? "example.com" : "example.org";
    double r = random.nextDouble();
    String local = r < 0.6 ? f + "." + l : r < 0.8 ? f + l + (10 + random.nextInt(90)) : f.charAt(0) + l;
    String candidate = local + "@" + domain;
    for (int n = 2; !emails.add(candidate); n++) {
      candidate = local + n + "@" + domain;
    }
    return EmailAddress.parse("email", candidate);
  }

  // ---- seats ---------------------------------------------------------------------------------------

  private int freeSeats() {
    int free = 0;
    for (int taken : seatsTaken) {
      free += CLASS_SIZE - taken;
    }
    return free;
  }

  private int freeSeats(int year) {
    int free = 0;
    for (TeachingGroup g : groupsByYear.getOrDefault(year, List.of())) {
      free += CLASS_SIZE - seatsTaken[groups.indexOf(g)];
    }
    return free;
  }

  /** A group of this year with a seat free, preferring the one given (twins together), or null. */
  private TeachingGroup freeGroup(int year, TeachingGroup preferred) {
    if (preferred != null && seatsTaken[groups.indexOf(preferred)] < CLASS_SIZE) {
      return preferred;
    }
    List<TeachingGroup> open =
        groupsByYear.getOrDefault(year, List.of()).stream().filter(g -> seatsTaken[groups.indexOf(g)] < CLASS_SIZE).toList();
    return open.isEmpty() ? null : open.get(random.nextInt(open.size()));
  }

  private TeachingGroup groupNamed(String name) {
    return groups.stream().filter(g -> g.getSchool() == primary && g.getName().equals(name)).findFirst().orElseThrow();
  }

  // ---- needs and safeguarding ----------------------------------------------------------------------

  /**
   * Pupil premium for about a quarter (more often in one-parent homes, shared by brothers and
   * sisters), SEN support for about 12% and a plan for about 3%, and a handful of children with a
   * social worker, a child in need or child protection plan, or on the school's vulnerable list.
   */
  private void needsAndSafeguarding() {
    TreeMap<Integer, Boolean> premiumByFamily = new TreeMap<>();
    for (Child c : children) {
      Pupil p = c.pupil();
      if (c.fixedProfile() != null || p.isLookedAfter()) {
        continue; // the documented children and children in care keep what they were given
      }
      boolean premium =
          premiumByFamily.computeIfAbsent(c.family(), f -> random.nextDouble() < (c.loneParent() ? 0.40 : 0.16));
      double boys = p.getGender() == Gender.MALE ? 1.3 : 0.7;
      double r = random.nextDouble();
      SenStatus sen = r < 0.03 * boys ? SenStatus.EHCP : r < 0.15 * boys ? SenStatus.K : SenStatus.NONE;
      p.changeNeeds(sen, premium, p.isEal());
    }
    for (School school : List.of(primary, academy)) {
      boolean isPrimary = school == primary;
      List<Pupil> candidates =
          children.stream()
              .filter(c -> c.fixedProfile() == null && !c.pupil().isLookedAfter() && c.pupil().getSchool() == school)
              .map(Child::pupil)
              .toList();
      List<Pupil> chosen = weightedSample(candidates, isPrimary ? 8 : 21);
      int cp = isPrimary ? 2 : 4;
      int cin = isPrimary ? 3 : 9;
      for (int i = 0; i < chosen.size(); i++) {
        Pupil p = chosen.get(i);
        if (i < cp) {
          p.changeSafeguardingFlags(false, true, false, true, true);
        } else if (i < cp + cin) {
          p.changeSafeguardingFlags(false, true, true, false, false);
        } else {
          p.changeSafeguardingFlags(false, false, false, false, true);
        }
      }
    }
  }

  private List<Pupil> weightedSample(List<Pupil> pupils, int count) {
    List<Pupil> pool = new ArrayList<>(pupils);
    List<Pupil> chosen = new ArrayList<>();
    while (chosen.size() < count && !pool.isEmpty()) {
      double total = 0;
      for (Pupil p : pool) {
        total += weight(p);
      }
      double pick = random.nextDouble() * total;
      int i = 0;
      while (i < pool.size() - 1 && pick >= weight(pool.get(i))) {
        pick -= weight(pool.get(i));
        i++;
      }
      chosen.add(pool.remove(i));
    }
    return chosen;
  }

  private static double weight(Pupil p) {
    return 1 + (p.isPupilPremium() ? 2 : 0) + (p.getSenStatus() != SenStatus.NONE ? 1 : 0);
  }
}

package org.schoolgate.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.schoolgate.demo.DemoFamilies.Child;
import org.schoolgate.demo.DemoNames.Observance;
import org.schoolgate.directory.domain.Gender;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.directory.domain.SenStatus;
import org.schoolgate.directory.domain.Session;

/**
 * The registers of the demo trust, from the first day of the autumn term to yesterday: each pupil
 * is given an {@link AttendanceProfile} (the shares below, drawn more often among pupils with pupil
 * premium, SEN or a social worker, and among brothers and sisters of pupils already drawn) and an
 * attendance to match it exactly. Absences come as illnesses of a day or a few, appointments,
 * single unexplained days (most often Mondays and Fridays), holidays in term time next to a break,
 * lates after the register closed and, for a few pupils, long unexplained runs. Lates before close
 * cluster in some pupils. Marks of the last five school days without a reason yet are still N.
 *
 * <p>Around them, what a real register holds: Reception afternoons not required in the first week,
 * trips (V), sports fixtures (P), alternative provision (B), a dual-registered pupil (D), a licensed
 * child performer (C1), religious festivals (R) and a short suspension (E).
 */
final class DemoRegisters {

  /** Pupils persistently absent (not severely), per thousand, at the primary school. */
  static final int PRIMARY_PERSISTENT_PER_THOUSAND = 130;
  /** Pupils severely absent, per thousand, at the primary school. */
  static final int PRIMARY_SEVERE_PER_THOUSAND = 15;
  /** Pupils persistently absent (not severely), per thousand, at the academy. */
  static final int ACADEMY_PERSISTENT_PER_THOUSAND = 155;
  /** Pupils severely absent, per thousand, at the academy. */
  static final int ACADEMY_SEVERE_PER_THOUSAND = 22;

  private static final double[] ILLNESS_START = weights(1.6, 1.0, 0.9, 1.0, 1.4);
  private static final double[] DAY_OFF = weights(2.6, 1.0, 0.8, 1.0, 2.4);
  private static final double[] ANY_DAY = weights(1, 1, 1, 1, 1);

  private static final String AP_REASON = "Alternative provision: vocational course at Riverside Skills Centre";

  /** A trip for a year group (or some of its groups), starting on the nth pupil day of the year. */
  private record Trip(boolean primary, int year, Set<String> groups, int pupilDay, int days, String reason) {}

  private static final List<Trip> TRIPS =
      List.of(
          new Trip(true, 5, Set.of(), 14, 1, "Year 5 visit to the Science and Industry Museum"),
          new Trip(true, 6, Set.of(), 28, 3, "Year 6 residential at an outdoor education centre"),
          new Trip(false, 8, Set.of(), 22, 1, "Year 8 trip to Chester Zoo"),
          new Trip(false, 10, Set.of("10A", "10B"), 33, 1, "GCSE geography fieldwork in the Peak District"));

  /** Festival days a family may keep their children home for (Eid by the expected sighting of the moon). */
  private static final Map<Observance, List<LocalDate>> FESTIVALS =
      Map.of(
          Observance.EID,
          dates("2025-03-31", "2025-06-06", "2026-03-20", "2026-05-27", "2027-03-10", "2027-05-17", "2028-02-28", "2028-05-05"),
          Observance.DIWALI,
          dates("2024-10-31", "2025-10-20", "2026-11-08", "2027-10-29", "2028-10-17"),
          Observance.JEWISH_HOLY_DAYS,
          dates("2024-10-03", "2025-09-23", "2025-10-02", "2026-09-21", "2027-10-11", "2028-09-21"),
          Observance.NONE,
          List.of());

  private final Random random;
  private final LocalDate today;
  private final SchoolCalendar calendar;
  private final School primary;
  private final School academy;
  private final List<LocalDate> pupilDays;
  /** Every school day from the first day of the autumn term to yesterday (INSET days are not). */
  private final List<LocalDate> schoolDays;
  private final Set<LocalDate> lastFiveDays;

  private final Set<UUID> alternativeProvision = new HashSet<>();
  private final Set<UUID> teams = new HashSet<>();
  private UUID performer;
  private UUID suspended;

  DemoRegisters(Random random, LocalDate today, DemoCalendar calendar, School primary, School academy) {
    this.random = random;
    this.today = today;
    this.calendar = calendar.schoolCalendar();
    this.primary = primary;
    this.academy = academy;
    this.pupilDays = this.calendar.schoolDaysBetween(calendar.pupilsReturn(), today.minusDays(1));
    this.schoolDays = this.calendar.schoolDaysBetween(calendar.autumnStart(), today.minusDays(1));
    this.lastFiveDays = new HashSet<>(pupilDays.subList(Math.max(0, pupilDays.size() - 5), pupilDays.size()));
  }

  // ---- profiles ------------------------------------------------------------------------------------

  /** Each pupil's profile, in the order of the children: the shares above, school by school. */
  LinkedHashMap<UUID, AttendanceProfile> profiles(List<Child> children) {
    Map<UUID, AttendanceProfile> chosen = new TreeMap<>();
    for (School school : List.of(primary, academy)) {
      List<Child> atSchool = children.stream().filter(c -> c.pupil().getSchool() == school).toList();
      int total = atSchool.size();
      boolean isPrimary = school == primary;
      int severe = Math.round(total * (isPrimary ? PRIMARY_SEVERE_PER_THOUSAND : ACADEMY_SEVERE_PER_THOUSAND) / 1000f);
      int persistent = Math.round(total * (isPrimary ? PRIMARY_PERSISTENT_PER_THOUSAND : ACADEMY_PERSISTENT_PER_THOUSAND) / 1000f);
      List<Child> pool = new ArrayList<>();
      for (Child c : atSchool) {
        if (c.fixedProfile() == null) {
          pool.add(c);
        } else {
          chosen.put(c.pupil().getId(), c.fixedProfile());
          severe -= c.fixedProfile() == AttendanceProfile.SEVERE ? 1 : 0;
          persistent -= c.fixedProfile() == AttendanceProfile.PERSISTENT ? 1 : 0;
        }
      }
      Map<Integer, Double> familyBoost = new TreeMap<>();
      for (Child c : draw(pool, severe, familyBoost)) {
        chosen.put(c.pupil().getId(), AttendanceProfile.SEVERE);
      }
      for (Child c : draw(pool, persistent, familyBoost)) {
        chosen.put(c.pupil().getId(), AttendanceProfile.PERSISTENT);
      }
      for (Child c : pool) {
        chosen.put(c.pupil().getId(), AttendanceProfile.GOOD);
      }
    }
    LinkedHashMap<UUID, AttendanceProfile> inOrder = new LinkedHashMap<>();
    for (Child c : children) {
      inOrder.put(c.pupil().getId(), chosen.get(c.pupil().getId()));
    }
    chooseSpecialCases(children, inOrder);
    return inOrder;
  }

  /** Draws pupils without replacement, weighted by need; brothers and sisters of those drawn become likelier. */
  private List<Child> draw(List<Child> pool, int count, Map<Integer, Double> familyBoost) {
    List<Child> drawn = new ArrayList<>();
    while (drawn.size() < count && !pool.isEmpty()) {
      double[] w = new double[pool.size()];
      double total = 0;
      for (int i = 0; i < pool.size(); i++) {
        Child c = pool.get(i);
        Pupil p = c.pupil();
        w[i] =
            (1 + (p.isPupilPremium() ? 1.2 : 0) + (p.getSenStatus() != SenStatus.NONE ? 0.8 : 0)
                    + (p.hasSocialWorker() ? 2 : 0) + (c.loneParent() ? 0.5 : 0))
                * familyBoost.getOrDefault(c.family(), 1.0);
        total += w[i];
      }
      double pick = random.nextDouble() * total;
      int i = 0;
      while (i < pool.size() - 1 && pick >= w[i]) {
        pick -= w[i];
        i++;
      }
      Child c = pool.remove(i);
      familyBoost.put(c.family(), 3.0);
      drawn.add(c);
    }
    return drawn;
  }

  /** The few pupils whose registers show the rarer codes. */
  private void chooseSpecialCases(List<Child> children, Map<UUID, AttendanceProfile> profiles) {
    List<Pupil> keyStage4Persistent = new ArrayList<>();
    List<Pupil> year9Persistent = new ArrayList<>();
    List<Pupil> year5Good = new ArrayList<>();
    List<Pupil> academyPersistent = new ArrayList<>();
    for (Child c : children) {
      Pupil p = c.pupil();
      AttendanceProfile profile = profiles.get(p.getId());
      if (c.fixedProfile() != null) {
        continue;
      }
      if (p.getSchool() == academy && profile == AttendanceProfile.PERSISTENT) {
        academyPersistent.add(p);
        if (p.getYearGroup() >= 10) {
          keyStage4Persistent.add(p);
        } else if (p.getYearGroup() == 9) {
          year9Persistent.add(p);
        }
      }
      if (p.getSchool() == primary && p.getYearGroup() == 5 && profile == AttendanceProfile.GOOD) {
        year5Good.add(p);
      }
      if (p.getSchool() == academy && profile != AttendanceProfile.SEVERE && random.nextDouble() < 0.07) {
        teams.add(p.getId());
      }
    }
    for (int i = 0; i < 3 && !keyStage4Persistent.isEmpty(); i++) {
      alternativeProvision.add(keyStage4Persistent.remove(random.nextInt(keyStage4Persistent.size())).getId());
    }
    if (!year9Persistent.isEmpty()) {
      Pupil dual = year9Persistent.get(random.nextInt(year9Persistent.size()));
      dual.changeRoll(dual.getOnRollFrom(), null, true);
    }
    if (!year5Good.isEmpty()) {
      performer = year5Good.get(random.nextInt(year5Good.size())).getId();
    }
    academyPersistent.removeIf(p -> p.isDualRegistered() || alternativeProvision.contains(p.getId()));
    if (!academyPersistent.isEmpty()) {
      suspended = academyPersistent.get(random.nextInt(academyPersistent.size())).getId();
    }
  }

  // ---- marks ---------------------------------------------------------------------------------------

  /** Every pupil's marks, pupil by pupil in date order; sets "medical evidence required" for a few. */
  List<DemoMark> marks(List<Child> children, Map<UUID, AttendanceProfile> profiles) {
    List<DemoMark> marks = new ArrayList<>();
    TreeMap<Integer, Boolean> observingFamilies = new TreeMap<>();
    List<Object[]> illnessCounts = new ArrayList<>();
    for (Child c : children) {
      AttendanceProfile profile = profiles.get(c.pupil().getId());
      boolean observes =
          observingFamilies.computeIfAbsent(c.family(), f -> c.heritage().observance != Observance.NONE && random.nextDouble() < 0.8);
      Register register = new Register(c, profile, observes);
      register.fill();
      register.emit(marks);
      if (profile == AttendanceProfile.PERSISTENT) {
        illnessCounts.add(new Object[] {c.pupil(), register.count("I")});
      }
    }
    illnessCounts.stream()
        .sorted(Comparator.comparingInt((Object[] o) -> -(Integer) o[1]))
        .limit(3)
        .filter(o -> (Integer) o[1] >= 6)
        .forEach(
            o ->
                ((Pupil) o[0])
                    .requireMedicalEvidence(
                        true, "Frequent short illness absences this term; agreed with the family at an attendance meeting"));
    return marks;
  }

  /** One pupil's register for the year so far, filled session by session. */
  private final class Register {
    private final Pupil pupil;
    private final AttendanceProfile profile;
    private final boolean observes;
    private final Observance observance;
    private final boolean lateProne;
    private final double lateChance;
    private final int closeAfter;
    private final List<LocalDate> days = new ArrayList<>();
    private final String[][] codes;
    private final Integer[][] minutes;
    private final String[][] reasons;
    private int remaining;

    Register(Child child, AttendanceProfile profile, boolean observes) {
      this.pupil = child.pupil();
      this.profile = profile;
      this.observes = observes;
      this.observance = child.heritage().observance;
      this.closeAfter = pupil.getSchool().registerTimes().closeAfterMinutes();
      double r = random.nextDouble();
      switch (profile) {
        case GOOD -> {
          lateProne = r < 0.12;
          lateChance = lateProne ? 0.05 : 0.006;
        }
        case PERSISTENT -> {
          lateProne = r < 0.5;
          lateChance = lateProne ? 0.14 : 0.03;
        }
        default -> {
          lateProne = true;
          lateChance = 0.10;
        }
      }
      for (LocalDate d : schoolDays) {
        if (pupil.isOnRoll(d)) {
          days.add(d);
        }
      }
      codes = new String[days.size()][2];
      minutes = new Integer[days.size()][2];
      reasons = new String[days.size()][2];
      for (int i = 0; i < days.size(); i++) {
        if (calendar.meets(days.get(i), Session.AM)) {
          codes[i][0] = "/";
        }
        if (calendar.meets(days.get(i), Session.PM)) {
          codes[i][1] = "\\";
        }
      }
    }

    void fill() {
      notRequired();
      int possible = 0;
      for (String[] day : codes) {
        for (String code : day) {
          possible += code != null && !code.equals("X") && !code.equals("D") ? 1 : 0;
        }
      }
      int budget = budget(possible);
      int fixed = festivalsAndPerformances(budget, possible);
      remaining = Math.max(0, budget - fixed);
      absences();
      stillUnexplained();
      activities();
      lates();
    }

    /** Reception afternoons in the first week (settling in), and the dual-registered pupil's days elsewhere. */
    private void notRequired() {
      Set<LocalDate> firstWeek = new HashSet<>(pupilDays.subList(0, Math.min(5, pupilDays.size())));
      for (int i = 0; i < days.size(); i++) {
        LocalDate d = days.get(i);
        if (pupil.getYearGroup() == 0 && firstWeek.contains(d) && codes[i][1] != null) {
          codes[i][1] = "X";
        }
        DayOfWeek dow = d.getDayOfWeek();
        if (pupil.isDualRegistered() && (dow == DayOfWeek.MONDAY || dow == DayOfWeek.TUESDAY)) {
          for (int s = 0; s < 2; s++) {
            if (codes[i][s] != null) {
              codes[i][s] = "D";
            }
          }
        }
      }
    }

    /** How many possible sessions this pupil misses: exact, so the profile's band always holds. */
    private int budget(int possible) {
      if (possible == 0) {
        return 0;
      }
      double r = random.nextDouble();
      return switch (profile) {
        case GOOD -> {
          if (r < 0.3) {
            yield 0;
          }
          int attendance = 955 + random.nextInt(41); // per thousand
          yield Math.min(possible * (1000 - attendance) / 1000, possible / 20);
        }
        case PERSISTENT -> {
          int attendance = 890 - (int) (240 * r * r);
          int absent = Math.max(ceilDiv(possible * (1000 - attendance), 1000), ceilDiv(possible, 10));
          yield possible >= 3 && 2 * absent >= possible ? (possible - 1) / 2 : absent;
        }
        case SEVERE -> {
          int attendance = 150 + random.nextInt(331);
          yield Math.min(possible, Math.max(ceilDiv(possible * (1000 - attendance), 1000), ceilDiv(possible, 2)));
        }
      };
    }

    /** Religious festivals (R) and a licensed performance (C1): absences fixed by the calendar. */
    private int festivalsAndPerformances(int budget, int possible) {
      int fixed = 0;
      if (observes) {
        for (LocalDate festival : FESTIVALS.get(observance)) {
          int i = days.indexOf(festival);
          if (i >= 0 && present(i, 0) && present(i, 1)) {
            boolean fits = profile != AttendanceProfile.GOOD || 20 * (fixed + 2) <= possible;
            if (fits) {
              codes[i][0] = "R";
              codes[i][1] = "R";
              fixed += 2;
            }
          }
        }
      }
      if (pupil.getId().equals(performer) && possible >= 80) {
        int performances = 0;
        for (int i = days.size() - 1; i >= 0 && performances < 3; i--) {
          DayOfWeek dow = days.get(i).getDayOfWeek();
          if ((dow == DayOfWeek.TUESDAY || dow == DayOfWeek.WEDNESDAY || dow == DayOfWeek.THURSDAY) && present(i, 1)) {
            codes[i][1] = "C1";
            performances++;
          }
        }
        fixed += performances;
      }
      return fixed;
    }

    private void absences() {
      if (days.isEmpty() || remaining == 0) {
        return;
      }
      if (profile != AttendanceProfile.GOOD && random.nextDouble() < (profile == AttendanceProfile.SEVERE ? 0.4 : 0.45)) {
        holiday(3 + random.nextInt(3));
      }
      if (pupil.getId().equals(suspended)) {
        int start = pickDay(ANY_DAY);
        if (start >= 0) {
          placeDays(start, 2, "E");
        }
      }
      for (int attempt = 0; attempt < 400 && remaining > 0; attempt++) {
        double r = random.nextDouble();
        switch (profile) {
          case GOOD -> {
            if (r < 0.58) {
              placeDays(pickDay(ILLNESS_START), random.nextDouble() < 0.65 ? 1 : 2, "I");
            } else if (r < 0.80) {
              placeSession(pickDay(ANY_DAY), random.nextDouble() < 0.7 ? 0 : 1, "M", null);
            } else if (r < 0.88) {
              placeSession(pickDay(ILLNESS_START), 1, "I", null);
            } else if (r < 0.93) {
              placeDays(pickDay(ANY_DAY), 1, "C");
            } else {
              placeSession(pickDay(DAY_OFF), 0, "O", null);
            }
          }
          case PERSISTENT -> {
            if (r < 0.36) {
              placeDays(pickDay(ILLNESS_START), 1 + random.nextInt(3), "I");
            } else if (r < 0.62) {
              placeDays(pickDay(DAY_OFF), 1, "O");
            } else if (r < 0.74) {
              if (lateProne) {
                placeSession(pickDay(DAY_OFF), 0, "U", closeAfter + random.nextInt(45));
              } else {
                placeDays(pickDay(DAY_OFF), 1, "O");
              }
            } else if (r < 0.80) {
              placeSession(pickDay(ANY_DAY), random.nextDouble() < 0.7 ? 0 : 1, "M", null);
            } else if (r < 0.88) {
              if (pupil.getSchool() == academy) {
                placeSession(pickDay(DAY_OFF), 1, "O", null);
              } else {
                placeDays(pickDay(DAY_OFF), 1, "O");
              }
            } else if (r < 0.92) {
              placeDays(pickDay(ANY_DAY), 1, "C");
            } else {
              placeDays(pickDay(DAY_OFF), 1, "I");
            }
          }
          case SEVERE -> {
            if (r < 0.35) {
              placeDays(pickDay(ANY_DAY), 3 + random.nextInt(6), "O");
            } else if (r < 0.60) {
              placeDays(pickDay(DAY_OFF), 1, "O");
            } else if (r < 0.82) {
              placeDays(pickDay(ILLNESS_START), 2 + random.nextInt(4), "I");
            } else if (r < 0.90) {
              placeSession(pickDay(DAY_OFF), 0, "U", closeAfter + random.nextInt(45));
            } else if (r < 0.95) {
              placeSession(pickDay(ANY_DAY), 0, "M", null);
            } else {
              placeSession(pickDay(DAY_OFF), 1, "O", null);
            }
          }
        }
      }
      // Whatever the episodes could not place: single sessions, so the attendance is exact.
      List<int[]> open = new ArrayList<>();
      for (int i = 0; i < days.size(); i++) {
        for (int s = 0; s < 2; s++) {
          if (present(i, s)) {
            open.add(new int[] {i, s});
          }
        }
      }
      while (remaining > 0 && !open.isEmpty()) {
        int[] slot = open.remove(random.nextInt(open.size()));
        set(slot[0], slot[1], profile == AttendanceProfile.GOOD ? "I" : "O", null);
      }
    }

    /** A holiday the school did not agree, taken next to a half term or a holiday that has passed. */
    private void holiday(int length) {
      List<Integer> starts = new ArrayList<>();
      for (int i = 0; i + 1 < days.size(); i++) {
        if (days.get(i + 1).toEpochDay() - days.get(i).toEpochDay() > 4) {
          if (i - length + 1 >= 0) {
            starts.add(i - length + 1);
          }
          if (i + length < days.size()) {
            starts.add(i + 1);
          }
        }
      }
      if (!starts.isEmpty()) {
        placeDays(starts.get(random.nextInt(starts.size())), length, "G");
      }
    }

    /** Marks of the last five school days whose reason the office has not heard yet. */
    private void stillUnexplained() {
      for (int i = 0; i < days.size(); i++) {
        if (!lastFiveDays.contains(days.get(i))) {
          continue;
        }
        boolean yesterday = days.get(i).equals(pupilDays.get(pupilDays.size() - 1));
        for (int s = 0; s < 2; s++) {
          String code = codes[i][s];
          double chance =
              switch (code == null ? "" : code) {
                case "O" -> yesterday ? 0.6 : 0.2;
                case "G" -> yesterday ? 0.5 : 0.3;
                case "I" -> yesterday ? 0.1 : 0.03;
                default -> 0;
              };
          if (chance > 0 && random.nextDouble() < chance) {
            codes[i][s] = "N";
          }
        }
      }
    }

    /** Trips, fixtures and alternative provision: attended, off site. */
    private void activities() {
      boolean atPrimary = pupil.getSchool() == primary;
      for (Trip trip : TRIPS) {
        boolean forMe =
            trip.primary() == atPrimary
                && trip.year() == pupil.getYearGroup()
                && (trip.groups().isEmpty() || (pupil.getGroup() != null && trip.groups().contains(pupil.getGroup().getName())));
        if (!forMe || trip.pupilDay() + trip.days() > pupilDays.size() || (trip.days() > 1 && random.nextDouble() < 0.1)) {
          continue;
        }
        for (int k = 0; k < trip.days(); k++) {
          int i = days.indexOf(pupilDays.get(trip.pupilDay() + k));
          for (int s = 0; s < 2 && i >= 0; s++) {
            if (present(i, s)) {
              codes[i][s] = "V";
              reasons[i][s] = trip.reason();
            }
          }
        }
      }
      boolean team = teams.contains(pupil.getId());
      boolean ap = alternativeProvision.contains(pupil.getId());
      int teamWeek = random.nextInt(2);
      for (int i = 0; i < days.size(); i++) {
        LocalDate d = days.get(i);
        if (team
            && d.getDayOfWeek() == DayOfWeek.WEDNESDAY
            && d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) % 2 == teamWeek
            && d.isAfter(calendar.firstTermDay().orElseThrow().plusWeeks(2))
            && present(i, 1)) {
          codes[i][1] = "P";
          reasons[i][1] = "Inter-school fixture: " + (pupil.getGender() == Gender.FEMALE ? "netball" : "football");
        }
        if (ap && d.getDayOfWeek() == DayOfWeek.THURSDAY) {
          for (int s = 0; s < 2; s++) {
            if (present(i, s)) {
              codes[i][s] = "B";
              reasons[i][s] = AP_REASON;
            }
          }
        }
      }
    }

    /** Lates before the register closed: rare for most, frequent for some, most of all on Mondays. */
    private void lates() {
      for (int i = 0; i < days.size(); i++) {
        DayOfWeek dow = days.get(i).getDayOfWeek();
        double day = dow == DayOfWeek.MONDAY ? 1.4 : dow == DayOfWeek.FRIDAY ? 1.1 : 1.0;
        for (int s = 0; s < 2; s++) {
          double chance = lateChance * day * (s == 0 ? 1 : 0.15);
          if (present(i, s) && random.nextDouble() < chance) {
            codes[i][s] = "L";
            minutes[i][s] = 1 + (int) (Math.pow(random.nextDouble(), 1.6) * (closeAfter - 1));
          }
        }
      }
    }

    private boolean present(int day, int session) {
      String code = codes[day][session];
      return "/".equals(code) || "\\".equals(code);
    }

    /** Marks whole days from {@code start} as absent, if every session of them is still present. */
    private void placeDays(int start, int length, String code) {
      if (start < 0 || start + length > days.size()) {
        return;
      }
      for (int i = start; i < start + length; i++) {
        for (int s = 0; s < 2; s++) {
          if (codes[i][s] != null && !present(i, s)) {
            return;
          }
        }
      }
      for (int i = start; i < start + length && remaining > 0; i++) {
        for (int s = 0; s < 2 && remaining > 0; s++) {
          if (codes[i][s] != null) {
            set(i, s, code, null);
          }
        }
      }
    }

    private void placeSession(int day, int session, String code, Integer minutesLate) {
      if (day >= 0 && present(day, session) && remaining > 0) {
        set(day, session, code, minutesLate);
      }
    }

    private void set(int day, int session, String code, Integer minutesLate) {
      codes[day][session] = code;
      minutes[day][session] = minutesLate;
      remaining--;
    }

    /** A school day of this register, more often on the days of the week with the higher weights. */
    private int pickDay(double[] weekdayWeights) {
      if (days.isEmpty()) {
        return -1;
      }
      for (int attempt = 0; attempt < 50; attempt++) {
        int i = random.nextInt(days.size());
        double w = weekdayWeights[days.get(i).getDayOfWeek().getValue() - 1];
        if (random.nextDouble() * 2.6 < w) {
          return i;
        }
      }
      return random.nextInt(days.size());
    }

    int count(String code) {
      int n = 0;
      for (String[] day : codes) {
        for (String c : day) {
          n += code.equals(c) ? 1 : 0;
        }
      }
      return n;
    }

    void emit(List<DemoMark> marks) {
      for (int i = 0; i < days.size(); i++) {
        for (int s = 0; s < 2; s++) {
          if (codes[i][s] != null) {
            marks.add(
                new DemoMark(pupil.getId(), days.get(i), s == 0 ? Session.AM : Session.PM, codes[i][s], minutes[i][s], reasons[i][s]));
          }
        }
      }
    }
  }

  private static int ceilDiv(int a, int b) {
    return -Math.floorDiv(-a, b);
  }

  private static double[] weights(double mon, double tue, double wed, double thu, double fri) {
    return new double[] {mon, tue, wed, thu, fri, 0, 0};
  }

  private static List<LocalDate> dates(String... isoDates) {
    return Arrays.stream(isoDates).map(LocalDate::parse).toList();
  }
}

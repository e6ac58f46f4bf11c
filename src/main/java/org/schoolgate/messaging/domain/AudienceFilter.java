package org.schoolgate.messaging.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.schoolgate.directory.domain.ClosureKind;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.messaging.domain.RecipientPlan.Audience;
import org.schoolgate.messaging.domain.RecipientPlan.Delivery;

/**
 * Which pupils a message to many families is about: the whole school, a year group or a class,
 * narrowed by an attendance rule (below a percentage this year, every session this half term or
 * term, or the pupils who improved most), with pupils who have SEN, are looked after or have a
 * child protection or child in need plan set aside for a person to include one by one. Exact
 * integer arithmetic throughout, as in the attendance engine, so 89.99% is below 90% and 90% is
 * not. Also the two rules a bulk send needs once the recipients are known: how many families that
 * is, and how to cut the pupils into batches without splitting a family.
 */
public final class AudienceFilter {

  /** Fewest sessions since the last fortnightly review for a pupil to count as improved. */
  public static final int MIN_RECENT_SESSIONS = 6;

  private AudienceFilter() {}

  /** Possible and attended sessions over some period. */
  public record Sessions(int possible, int attended) {
    public static final Sessions NONE = new Sessions(0, 0);

    public Sessions {
      if (possible < 0 || attended < 0 || attended > possible) {
        throw new IllegalArgumentException("Attended sessions must be between 0 and possible: " + attended + "/" + possible);
      }
    }

    public boolean hasSessions() {
      return possible > 0;
    }

    /** Every possible session attended, with at least one session. */
    public boolean full() {
      return possible > 0 && attended == possible;
    }

    /** Attendance strictly below {@code percent}: {@code 100 × attended < percent × possible}. */
    public boolean below(int percent) {
      return possible > 0 && 100L * attended < (long) percent * possible;
    }

    /** These sessions without the earlier ones they include (cumulative now minus cumulative then). */
    public Sessions since(Sessions earlier) {
      return new Sessions(possible - earlier.possible, attended - earlier.attended);
    }

    /** "93.4%" truncated to one decimal place, or "no sessions". */
    public String percent() {
      if (possible == 0) {
        return "no sessions";
      }
      long tenths = 1000L * attended / possible;
      return tenths / 10 + "." + tenths % 10 + "%";
    }
  }

  /**
   * One pupil on roll, with the figures the rules read.
   *
   * @param decisionReason why a person must decide to include this pupil (SEN, looked after, ...);
   *     null when the pupil may be included by the rules alone
   * @param year this school year so far
   * @param atReview this school year up to the previous fortnightly review (the Monday before last)
   * @param period this half term or this term so far, when a filter needs it; else {@link Sessions#NONE}
   */
  public record PupilLine(
      UUID pupilId, String name, int yearGroup, UUID groupId, String groupName, String decisionReason, Sessions year,
      Sessions atReview, Sessions period) {

    public boolean needsDecision() {
      return decisionReason != null;
    }

    /** The sessions since the previous fortnightly review: last week and this week so far. */
    public Sessions recent() {
      return year.since(atReview);
    }
  }

  /** Whom to start from. */
  public enum ScopeKind {
    SCHOOL,
    YEAR_GROUP,
    CLASS
  }

  /** The whole school, one year group or one class (teaching group). */
  public record Scope(ScopeKind kind, int yearGroup, UUID groupId, String label) {
    public static Scope school() {
      return new Scope(ScopeKind.SCHOOL, -1, null, "Whole school");
    }

    public static Scope year(int yearGroup) {
      return new Scope(ScopeKind.YEAR_GROUP, yearGroup, null, yearGroup == 0 ? "Reception" : "Year " + yearGroup);
    }

    public static Scope group(UUID groupId, String name) {
      return new Scope(ScopeKind.CLASS, -1, groupId, "Class " + name);
    }

    boolean contains(PupilLine line) {
      return switch (kind) {
        case SCHOOL -> true;
        case YEAR_GROUP -> line.yearGroup() == yearGroup;
        case CLASS -> groupId.equals(line.groupId());
      };
    }
  }

  /** The attendance rule that narrows the scope. */
  public enum Rule {
    EVERYONE("Every pupil"),
    BELOW("Attendance below a percentage this year"),
    FULL_HALF_TERM("100% this half term"),
    FULL_TERM("100% this term"),
    IMPROVED_MOST("Most improved");

    private final String label;

    Rule(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** Whether the rule reads the half term's or the term's marks. */
    public boolean needsPeriod() {
      return this == FULL_HALF_TERM || this == FULL_TERM;
    }
  }

  /**
   * What a member of staff chose.
   *
   * @param threshold the percentage for {@link Rule#BELOW} (1-100), the number of pupils for
   *     {@link Rule#IMPROVED_MOST}; ignored otherwise
   * @param included pupils needing a person's decision whom that person chose to include
   */
  public record Spec(Scope scope, Rule rule, int threshold, Audience recipients, Set<UUID> included) {
    public Spec {
      rule = rule == null ? Rule.EVERYONE : rule;
      recipients = recipients == null ? Audience.PARENTAL_RESPONSIBILITY : recipients;
      included = included == null ? Set.of() : Set.copyOf(included);
      if (scope == null) {
        throw new IllegalArgumentException("Choose the whole school, a year group or a class");
      }
      if (rule == Rule.BELOW && (threshold < 1 || threshold > 100)) {
        throw new IllegalArgumentException("The percentage must be a whole number from 1 to 100");
      }
      if (rule == Rule.IMPROVED_MOST && (threshold < 1 || threshold > 500)) {
        throw new IllegalArgumentException("The number of pupils must be from 1 to 500");
      }
    }

    public Spec withIncluded(Set<UUID> chosen) {
      return new Spec(scope, rule, threshold, recipients, chosen);
    }

    /** A readable description, kept on the bulk send: "Year 7, attendance below 95% this year; contacts flagged ...". */
    public String describe(int heldBack, int includedByPerson) {
      String rulePart = switch (rule) {
        case EVERYONE -> "";
        case BELOW -> ", attendance below " + threshold + "% this year";
        case FULL_HALF_TERM -> ", 100% this half term";
        case FULL_TERM -> ", 100% this term";
        case IMPROVED_MOST -> ", the " + threshold + " most improved";
      };
      String people = "";
      if (heldBack + includedByPerson > 0) {
        people = "; " + includedByPerson + " of " + (heldBack + includedByPerson) + " pupils with SEN or a care plan included by choice";
      }
      String text = scope.label() + rulePart + "; " + recipients.label().toLowerCase(java.util.Locale.ROOT) + people;
      return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
  }

  /** The pupils chosen, and those set aside for a person to decide about (not included unless chosen). */
  public record Selection(List<PupilLine> included, List<PupilLine> heldBack) {
    public List<UUID> pupilIds() {
      return included.stream().map(PupilLine::pupilId).toList();
    }
  }

  /**
   * Applies the scope, then the rule, then sets aside pupils who need a person's decision unless
   * that person included them. For the most improved, pupils are ranked before any are set aside,
   * so a pupil set aside keeps their place and the rest of the list is not topped up past them.
   */
  public static Selection select(List<PupilLine> lines, Spec spec) {
    List<PupilLine> inScope = lines.stream().filter(spec.scope()::contains).toList();
    List<PupilLine> matching = switch (spec.rule()) {
      case EVERYONE -> inScope;
      case BELOW -> inScope.stream().filter(l -> l.year().below(spec.threshold())).toList();
      case FULL_HALF_TERM, FULL_TERM -> inScope.stream().filter(l -> l.period().full()).toList();
      case IMPROVED_MOST -> mostImproved(inScope, spec.threshold());
    };
    List<PupilLine> included = new ArrayList<>();
    List<PupilLine> heldBack = new ArrayList<>();
    for (PupilLine line : matching) {
      if (line.needsDecision() && !spec.included().contains(line.pupilId())) {
        heldBack.add(line);
      } else {
        included.add(line);
      }
    }
    return new Selection(List.copyOf(included), List.copyOf(heldBack));
  }

  /**
   * Whether a pupil's attendance improved: some sessions at the previous review, at least {@link
   * #MIN_RECENT_SESSIONS} since, a recent rate strictly above the rate at the review, and not
   * 100% all year (a pupil who never missed a session has nothing to improve).
   */
  public static boolean improved(PupilLine line) {
    Sessions earlier = line.atReview();
    Sessions recent = line.recent();
    return !line.year().full()
        && earlier.hasSessions()
        && recent.possible() >= MIN_RECENT_SESSIONS
        && (long) recent.attended() * earlier.possible() > (long) earlier.attended() * recent.possible();
  }

  /**
   * The {@code n} pupils whose recent rate beats their rate at the previous review by the most
   * percentage points, largest first; everyone tied with the last place is included too, so no
   * pupil is left out of praise by the alphabet.
   */
  public static List<PupilLine> mostImproved(List<PupilLine> lines, int n) {
    Comparator<PupilLine> byImprovement = (a, b) -> compareImprovement(b, a);
    List<PupilLine> ranked =
        lines.stream().filter(AudienceFilter::improved).sorted(byImprovement.thenComparing(PupilLine::name)).toList();
    if (ranked.size() <= n) {
      return ranked;
    }
    PupilLine last = ranked.get(n - 1);
    List<PupilLine> chosen = new ArrayList<>(ranked.subList(0, n));
    for (int i = n; i < ranked.size() && compareImprovement(ranked.get(i), last) == 0; i++) {
      chosen.add(ranked.get(i));
    }
    return chosen;
  }

  /**
   * Compares two pupils' improvement exactly: r/q − e/p as the fraction (r·p − e·q) / (q·p), compared
   * by cross-multiplying, all in longs (a year's sessions squared is far inside a long).
   */
  static int compareImprovement(PupilLine a, PupilLine b) {
    long[] x = improvement(a);
    long[] y = improvement(b);
    return Long.compare(x[0] * y[1], y[0] * x[1]);
  }

  private static long[] improvement(PupilLine line) {
    Sessions e = line.atReview();
    Sessions r = line.recent();
    return new long[] {(long) r.attended() * e.possible() - (long) e.attended() * r.possible(), (long) r.possible() * e.possible()};
  }

  /** A stretch of school days a "100%" rule reads: from the first day to the last, both included. */
  public record Period(String name, LocalDate from, LocalDate to) {}

  /**
   * This term so far: the term containing {@code today} (or, in a holiday, the term that ended
   * last), from its first day up to today or its last day.
   */
  public static Optional<Period> term(SchoolCalendar calendar, LocalDate today) {
    return currentTerm(calendar, today)
        .map(t -> new Period(t.name(), t.start(), t.end().isBefore(today) ? t.end() : today));
  }

  /**
   * This half term so far: the part of the current term after the latest half-term holiday that
   * has begun (or from the start of the term), up to today or the day before the next half term.
   * During a half-term holiday it is the half term that has just ended.
   */
  public static Optional<Period> halfTerm(SchoolCalendar calendar, LocalDate today) {
    Optional<SchoolCalendar.Term> current = currentTerm(calendar, today);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    SchoolCalendar.Term term = current.get();
    List<SchoolCalendar.Closure> breaks = calendar.closures().stream()
        .filter(c -> c.kind() == ClosureKind.HALF_TERM && !c.first().isBefore(term.start()) && !c.last().isAfter(term.end()))
        .sorted(Comparator.comparing(SchoolCalendar.Closure::first))
        .toList();
    LocalDate from = term.start();
    LocalDate to = term.end();
    int part = 1;
    for (SchoolCalendar.Closure b : breaks) {
      if (!b.first().isAfter(today)) {
        if (b.last().isBefore(today)) {
          from = b.last().plusDays(1);
          part++;
        } else {
          to = b.first().minusDays(1); // in the holiday itself: the half term that has just ended
          break;
        }
      } else {
        to = b.first().minusDays(1);
        break;
      }
    }
    LocalDate end = to.isBefore(today) ? to : today;
    return Optional.of(new Period(term.name() + ", half term " + part, from, end));
  }

  private static Optional<SchoolCalendar.Term> currentTerm(SchoolCalendar calendar, LocalDate today) {
    return calendar.terms().stream().filter(t -> !t.start().isAfter(today)).max(Comparator.comparing(SchoolCalendar.Term::start));
  }

  /**
   * How many families a set of messages reaches: pupils named in the same message, or written to
   * at the same guardian, are one family (siblings, and both separated parents of a child).
   */
  public static int families(List<Delivery> deliveries) {
    UnionFind<Object> families = new UnionFind<>();
    for (Delivery d : deliveries) {
      Object first = d.pupilIds().isEmpty() ? d.guardianId() : d.pupilIds().get(0);
      families.add(first);
      d.pupilIds().forEach(p -> families.union(first, p));
      d.guardianIds().forEach(g -> families.union(first, g));
    }
    return families.roots();
  }

  /**
   * Cuts pupils into batches of about {@code size}, never splitting pupils who share a guardian, a
   * mobile number or an email address (their family gets one message naming them all, so they
   * must be in the same batch). A family larger than {@code size} is a batch of its own.
   *
   * @param contactsOfPupil for each pupil, the keys of the people who would hear (guardian ids,
   *     numbers, addresses); a pupil missing from the map is a family of one
   */
  public static List<List<UUID>> batches(List<UUID> pupilIds, Map<UUID, ? extends Collection<String>> contactsOfPupil, int size) {
    UnionFind<Object> families = new UnionFind<>();
    for (UUID pupil : pupilIds) {
      families.add(pupil);
      Collection<String> keys = contactsOfPupil.get(pupil);
      if (keys != null) {
        keys.forEach(key -> families.union(pupil, key));
      }
    }
    Map<Object, List<UUID>> byFamily = new LinkedHashMap<>();
    for (UUID pupil : pupilIds) {
      byFamily.computeIfAbsent(families.find(pupil), k -> new ArrayList<>()).add(pupil);
    }
    List<List<UUID>> batches = new ArrayList<>();
    List<UUID> current = new ArrayList<>();
    for (List<UUID> family : byFamily.values()) {
      if (!current.isEmpty() && current.size() + family.size() > size) {
        batches.add(List.copyOf(current));
        current.clear();
      }
      current.addAll(family);
    }
    if (!current.isEmpty()) {
      batches.add(List.copyOf(current));
    }
    return batches;
  }

  /** Disjoint sets, for families. */
  private static final class UnionFind<T> {
    private final Map<T, T> parent = new HashMap<>();

    void add(T x) {
      parent.putIfAbsent(x, x);
    }

    T find(T x) {
      add(x);
      T root = x;
      while (!parent.get(root).equals(root)) {
        root = parent.get(root);
      }
      while (!parent.get(x).equals(root)) {
        T next = parent.get(x);
        parent.put(x, root);
        x = next;
      }
      return root;
    }

    void union(T a, T b) {
      T ra = find(a);
      T rb = find(b);
      if (!ra.equals(rb)) {
        parent.put(rb, ra);
      }
    }

    int roots() {
      return (int) parent.keySet().stream().filter(x -> find(x).equals(x)).count();
    }
  }
}

package org.schoolgate.attendance.domain.analysis;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.Rate;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.directory.domain.StageThresholds;

/**
 * Attendance school week by school week (attendance rules §3.7): the rate within each week and the
 * cumulative rate at its end, for one pupil or pooled over a group (Σ attended ÷ Σ possible), so a
 * class has a trend arrow too. Holiday weeks are not school weeks and are left out, so "the week
 * before" the first week after half term is the last week before it. Every comparison is exact.
 */
public final class WeeklyTrend {

  /** δ, the drop in percentage points that counts as a decline (attendance rules §3.7). */
  public static final BigDecimal DEFAULT_DELTA = new BigDecimal("1.0");

  /** How many of a pupil's latest possible sessions the emerging-pattern check looks at. */
  public static final int RECENT_SESSIONS = 20;

  /**
   * One school week.
   *
   * @param number 1 for the first school week of the trend, counting school weeks only
   * @param week the figures of this week alone
   * @param cumulative the figures from the first week up to the end of this one
   */
  public record Week(int number, LocalDate monday, AttendanceFigures week, AttendanceFigures cumulative) {

    public Optional<Rate> weekRate() {
      return week.attendanceRate();
    }

    public Optional<Rate> cumulativeRate() {
      return cumulative.attendanceRate();
    }
  }

  /** Which way cumulative attendance moved over the last week, for the trend arrow. */
  public enum Direction {
    RISING,
    STEADY,
    FALLING,
    /** No figures to compare (the first week, or no possible sessions yet). */
    UNKNOWN
  }

  private final List<Week> weeks;

  private WeeklyTrend(Map<LocalDate, AttendanceFigures> byMonday) {
    List<Week> list = new ArrayList<>();
    AttendanceFigures cumulative = AttendanceFigures.NONE;
    int number = 0;
    for (Map.Entry<LocalDate, AttendanceFigures> e : new TreeMap<>(byMonday).entrySet()) {
      cumulative = cumulative.plus(e.getValue());
      list.add(new Week(++number, e.getKey(), e.getValue(), cumulative));
    }
    this.weeks = List.copyOf(list);
  }

  /**
   * One pupil's trend from their marks: every school week from the week of their first mark to the
   * week of their last, including school weeks in which they had no possible session.
   */
  public static WeeklyTrend of(Collection<SessionMark> marks, SchoolCalendar calendar) {
    TreeMap<LocalDate, List<SessionMark>> byMonday = new TreeMap<>();
    for (SessionMark mark : marks) {
      byMonday.computeIfAbsent(mondayOf(mark.date()), m -> new ArrayList<>()).add(mark);
    }
    Map<LocalDate, AttendanceFigures> figures = new TreeMap<>();
    if (!byMonday.isEmpty()) {
      for (LocalDate monday = byMonday.firstKey(); !monday.isAfter(byMonday.lastKey()); monday = monday.plusWeeks(1)) {
        if (calendar.isSchoolWeek(monday)) {
          figures.put(monday, AttendanceFigures.of(byMonday.getOrDefault(monday, List.of())));
        }
      }
    }
    return new WeeklyTrend(figures);
  }

  /** The pooled trend of a group: each week's figures summed over its pupils. */
  public static WeeklyTrend pooled(Collection<WeeklyTrend> pupils) {
    Map<LocalDate, AttendanceFigures> sum = new TreeMap<>();
    for (WeeklyTrend pupil : pupils) {
      for (Week w : pupil.weeks) {
        sum.merge(w.monday(), w.week(), AttendanceFigures::plus);
      }
    }
    return new WeeklyTrend(sum);
  }

  public List<Week> weeks() {
    return weeks;
  }

  /** School week {@code number} of the trend, counting from 1. */
  public Week week(int number) {
    if (number < 1 || number > weeks.size()) {
      throw new IllegalArgumentException("The trend has school weeks 1 to " + weeks.size() + ", not " + number);
    }
    return weeks.get(number - 1);
  }

  /** The school week containing {@code date}, if the trend covers it. */
  public Optional<Week> weekOf(LocalDate date) {
    LocalDate monday = mondayOf(date);
    return weeks.stream().filter(w -> w.monday().equals(monday)).findFirst();
  }

  /** cum(t) &lt; cum(t−1) − δ, with the default δ of 1.0 percentage point. */
  public boolean declineOverOneWeek(int t) {
    return declineOverOneWeek(t, DEFAULT_DELTA);
  }

  public boolean declineOverOneWeek(int t, BigDecimal deltaPoints) {
    Optional<Rate> now = cumulative(t);
    Optional<Rate> before = cumulative(t - 1);
    return now.isPresent() && before.isPresent() && dropsBy(before.get(), now.get(), deltaPoints, true);
  }

  /** cum(t) &lt; cum(t−1) &lt; cum(t−2) and cum(t−2) − cum(t) ≥ δ. */
  public boolean declineOverTwoWeeks(int t) {
    return declineOverTwoWeeks(t, DEFAULT_DELTA);
  }

  public boolean declineOverTwoWeeks(int t, BigDecimal deltaPoints) {
    Optional<Rate> now = cumulative(t);
    Optional<Rate> before = cumulative(t - 1);
    Optional<Rate> twoBefore = cumulative(t - 2);
    return now.isPresent() && before.isPresent() && twoBefore.isPresent()
        && now.get().compareTo(before.get()) < 0 && before.get().compareTo(twoBefore.get()) < 0
        && dropsBy(twoBefore.get(), now.get(), deltaPoints, false);
  }

  /** Which way the trend arrow points at week t: a change of more than δ either way. */
  public Direction direction(int t) {
    Optional<Rate> now = cumulative(t);
    Optional<Rate> before = cumulative(t - 1);
    if (now.isEmpty() || before.isEmpty()) {
      return Direction.UNKNOWN;
    }
    if (dropsBy(before.get(), now.get(), DEFAULT_DELTA, true)) {
      return Direction.FALLING;
    }
    return dropsBy(now.get(), before.get(), DEFAULT_DELTA, true) ? Direction.RISING : Direction.STEADY;
  }

  /**
   * The fortnightly review held at the end of week t: cumulative attendance then and at the review
   * two school weeks earlier (attendance rules §3.7 "declining").
   *
   * @throws IllegalStateException when the pupil has no possible sessions by week t
   */
  public FortnightlyReview review(int t) {
    Rate now = cumulative(t).orElseThrow(() -> new IllegalStateException("No possible sessions by school week " + t));
    return new FortnightlyReview(now, cumulative(t - 2));
  }

  /** Attendance over the pupil's latest {@code count} possible sessions; empty when they have fewer. */
  public static Optional<Rate> latestSessionsRate(Collection<SessionMark> marks, int count) {
    List<SessionMark> possible =
        marks.stream().filter(m -> m.countsAs().isPossible()).sorted(SessionMark::chronological).toList();
    if (possible.size() < count || count < 1) {
      return Optional.empty();
    }
    return AttendanceFigures.of(possible.subList(possible.size() - count, possible.size())).attendanceRate();
  }

  /**
   * An emerging pattern: attendance over the latest 20 possible sessions is under the school's
   * Facilitate & Formalise threshold although the cumulative rate is not. False with fewer than 20
   * possible sessions.
   */
  public static boolean emergingPattern(Collection<SessionMark> marks, StageThresholds thresholds) {
    Optional<Rate> recent = latestSessionsRate(marks, RECENT_SESSIONS);
    Optional<Rate> cumulative = AttendanceFigures.of(marks).attendanceRate();
    return recent.isPresent()
        && recent.get().isUnder(thresholds.facilitateComparator(), thresholds.facilitate())
        && !cumulative.orElseThrow().isUnder(thresholds.facilitateComparator(), thresholds.facilitate());
  }

  private Optional<Rate> cumulative(int t) {
    return t < 1 || t > weeks.size() ? Optional.empty() : weeks.get(t - 1).cumulativeRate();
  }

  /** Whether {@code from} − {@code to} exceeds (or, not strict, reaches) δ points, exactly. */
  private static boolean dropsBy(Rate from, Rate to, BigDecimal deltaPoints, boolean strict) {
    // from − to ? δ/100  <=>  100·(a·d − c·b) ? δ·b·d  with from = a/b, to = c/d
    BigDecimal gap =
        BigDecimal.valueOf(100)
            .multiply(BigDecimal.valueOf(from.numerator() * to.denominator() - to.numerator() * from.denominator()));
    int cmp = gap.compareTo(deltaPoints.multiply(BigDecimal.valueOf(from.denominator() * to.denominator())));
    return strict ? cmp > 0 : cmp >= 0;
  }

  static LocalDate mondayOf(LocalDate date) {
    return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}

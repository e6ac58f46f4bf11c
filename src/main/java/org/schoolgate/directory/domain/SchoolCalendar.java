package org.schoolgate.directory.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A school's calendar as plain data: terms and the closures inside them. Answers the questions
 * every deadline depends on (attendance rules §0.2): is this a school day, does this session meet,
 * which is the Nth school day after a date, and which weeks are school weeks.
 *
 * <p>A school day is a weekday inside a term on which at least one session meets. Weekends,
 * holidays between terms, half terms, INSET days, bank holidays and whole-school closures are not.
 */
public final class SchoolCalendar {

  /** A term: the school meets on weekdays from {@code start} to {@code end}, both included. */
  public record Term(String name, LocalDate start, LocalDate end) {
    boolean contains(LocalDate date) {
      return !date.isBefore(start) && !date.isAfter(end);
    }
  }

  /** A closure inside a term. */
  public record Closure(
      ClosureKind kind, LocalDate first, LocalDate last, CalendarClosure.Sessions sessions, String description) {
    boolean covers(LocalDate date, Session session) {
      return !date.isBefore(first) && !date.isAfter(last) && sessions.covers(session);
    }
  }

  private final List<Term> terms;
  private final List<Closure> closures;

  public SchoolCalendar(List<Term> terms, List<Closure> closures) {
    this.terms = terms.stream().sorted(Comparator.comparing(Term::start)).toList();
    this.closures = List.copyOf(closures);
  }

  /** Whether the school meets for this session (a weekday in term, not closed for it). */
  public boolean meets(LocalDate date, Session session) {
    if (isWeekend(date) || termOf(date).isEmpty()) {
      return false;
    }
    return closures.stream().noneMatch(c -> c.covers(date, session));
  }

  /** Whether the school meets its pupils for at least one session on this day. */
  public boolean isSchoolDay(LocalDate date) {
    return meets(date, Session.AM) || meets(date, Session.PM);
  }

  /** The closure that covers this session, if any (to explain why a day is not a school day). */
  public Optional<Closure> closureOn(LocalDate date, Session session) {
    return closures.stream().filter(c -> c.covers(date, session)).findFirst();
  }

  public Optional<Term> termOf(LocalDate date) {
    return terms.stream().filter(t -> t.contains(date)).findFirst();
  }

  public List<Term> terms() {
    return terms;
  }

  public List<Closure> closures() {
    return closures;
  }

  /**
   * The Nth school day after {@code date}, not counting {@code date} itself: with n = 5 and an N
   * code on Thursday 23 October 2025, half term and the INSET day skipped, Friday 7 November.
   *
   * @throws IllegalStateException when the calendar has fewer than n school days after the date
   */
  public LocalDate nthSchoolDayAfter(LocalDate date, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative");
    }
    LocalDate day = date;
    int counted = 0;
    LocalDate limit = lastTermDay().orElse(date);
    while (counted < n) {
      day = day.plusDays(1);
      if (day.isAfter(limit)) {
        throw new IllegalStateException(
            "The calendar has fewer than " + n + " school days after " + date + ": add the next term");
      }
      if (isSchoolDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** The school days from {@code from} to {@code to}, both included, in order. */
  public List<LocalDate> schoolDaysBetween(LocalDate from, LocalDate to) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (isSchoolDay(d)) {
        days.add(d);
      }
    }
    return days;
  }

  /** Number of school days strictly after {@code from} up to and including {@code to}. */
  public int schoolDaysAfter(LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isSchoolDay(d)) {
        n++;
      }
    }
    return n;
  }

  /** Whether the Monday-to-Sunday week containing {@code date} has at least one school session. */
  public boolean isSchoolWeek(LocalDate date) {
    LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    for (int i = 0; i < 5; i++) {
      if (isSchoolDay(monday.plusDays(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The Mondays of the {@code count} most recent school weeks ending with the week of {@code date},
   * newest first. Holiday weeks are skipped, so the window may cross terms and school years.
   */
  public List<LocalDate> recentSchoolWeeks(LocalDate date, int count) {
    List<LocalDate> weeks = new ArrayList<>();
    LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate earliest = firstTermDay().orElse(date);
    while (weeks.size() < count && !monday.plusDays(6).isBefore(earliest)) {
      if (isSchoolWeek(monday)) {
        weeks.add(monday);
      }
      monday = monday.minusWeeks(1);
    }
    return weeks;
  }

  public Optional<LocalDate> firstTermDay() {
    return terms.stream().map(Term::start).min(Comparator.naturalOrder());
  }

  public Optional<LocalDate> lastTermDay() {
    return terms.stream().map(Term::end).max(Comparator.naturalOrder());
  }

  private static boolean isWeekend(LocalDate date) {
    DayOfWeek d = date.getDayOfWeek();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
  }
}

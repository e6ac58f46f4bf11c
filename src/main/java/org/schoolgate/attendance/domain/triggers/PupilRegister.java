package org.schoolgate.attendance.domain.triggers;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.schoolgate.attendance.domain.AttendanceCode;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.directory.domain.Session;

/**
 * One pupil's register as the triggers read it: every session the school met while the pupil was
 * on roll, up to and including today, with its mark. A session with no mark on an earlier day
 * means the pupil was not seen; today's unmarked sessions may simply not have been registered yet.
 */
final class PupilRegister {

  /** Codes that say nothing about the pupil being seen or missing: they neither extend nor break a run. */
  static final Set<String> NEUTRAL = Set.of("D", "X", "Z", "#");

  /** One session the school met. {@code code} is null when no mark has been entered. */
  record Slot(LocalDate date, Session session, AttendanceCode code, boolean pending) {
    boolean marked() {
      return code != null;
    }

    boolean is(String... codes) {
      if (code == null) {
        return false;
      }
      for (String c : codes) {
        if (code.code().equals(c)) {
          return true;
        }
      }
      return false;
    }

    boolean neutral() {
      return code != null && NEUTRAL.contains(code.code());
    }

    SessionMark mark() {
      return SessionMark.of(date, session, code);
    }

    String label() {
      return StaffText.session(date, session);
    }
  }

  /** One school day with the sessions that met and whether the family was in touch that day. */
  record Day(LocalDate date, List<Slot> slots, boolean familyContact) {}

  final PupilTimeline timeline;
  final LocalDate today;
  final List<Day> days;
  final List<Slot> slots;
  final List<SessionMark> marks;

  private PupilRegister(PupilTimeline timeline, LocalDate today, List<Day> days) {
    this.timeline = timeline;
    this.today = today;
    this.days = days;
    this.slots = days.stream().flatMap(d -> d.slots().stream()).toList();
    this.marks = slots.stream().filter(Slot::marked).map(Slot::mark).toList();
  }

  static PupilRegister of(PupilTimeline timeline, LocalDate today) {
    Map<String, AttendanceCode> byKey = new HashMap<>();
    for (SessionMark mark : timeline.marks()) {
      byKey.put(mark.date() + ":" + mark.session(), mark.code());
    }
    SchoolCalendar calendar = timeline.calendar();
    LocalDate last = timeline.onRollTo() == null || today.isBefore(timeline.onRollTo()) ? today : timeline.onRollTo();
    List<Day> days = new ArrayList<>();
    for (LocalDate d = timeline.onRollFrom(); !d.isAfter(last); d = d.plusDays(1)) {
      List<Slot> slots = new ArrayList<>();
      for (Session session : Session.values()) {
        if (calendar.meets(d, session)) {
          AttendanceCode code = byKey.get(d + ":" + session);
          slots.add(new Slot(d, session, code, code == null && d.equals(today)));
        }
      }
      if (!slots.isEmpty()) {
        days.add(new Day(d, List.copyOf(slots), timeline.familyContactDays().contains(d)));
      }
    }
    return new PupilRegister(timeline, today, List.copyOf(days));
  }

  SchoolCalendar calendar() {
    return timeline.calendar();
  }

  /** Whether situations still going on today concern a pupil who is on roll today. */
  boolean onRollToday() {
    return timeline.isOnRoll(today);
  }

  /** The first school day the pupil was expected to attend (R1.7). */
  Optional<LocalDate> firstSchoolDay() {
    return days.isEmpty() ? Optional.empty() : Optional.of(days.get(0).date());
  }

  /**
   * The Nth school day after {@code date}, not counting it. Past the last term in the calendar
   * every weekday counts, which can only bring a deadline forward, never push it back.
   */
  LocalDate nthSchoolDayAfter(LocalDate date, int n) {
    Optional<LocalDate> lastTermDay = calendar().lastTermDay();
    LocalDate day = date;
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      boolean beyondCalendar = lastTermDay.isEmpty() || day.isAfter(lastTermDay.get());
      if (beyondCalendar ? isWeekday(day) : calendar().isSchoolDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** The last school day of the Monday-to-Sunday week containing {@code date} (at least {@code date}). */
  LocalDate lastSchoolDayOfWeek(LocalDate date) {
    LocalDate sunday = date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    for (LocalDate d = sunday; d.isAfter(date); d = d.minusDays(1)) {
      if (calendar().isSchoolDay(d)) {
        return d;
      }
    }
    return date;
  }

  private static boolean isWeekday(LocalDate d) {
    return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  }
}

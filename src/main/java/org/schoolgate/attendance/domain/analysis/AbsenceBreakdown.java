package org.schoolgate.attendance.domain.analysis;

import java.time.DayOfWeek;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.directory.domain.Session;

/**
 * Where a pupil's (or a group's) missed sessions fall (attendance rules §3.8): by code, by day of
 * the week and by morning or afternoon. Counts of sessions missed, authorised or not; for staff
 * views only.
 *
 * @param byCode sessions missed per code, most first
 * @param byWeekday sessions missed per weekday, Monday to Friday, zeros included
 * @param bySession sessions missed in the morning and in the afternoon, zeros included
 */
public record AbsenceBreakdown(
    Map<String, Integer> byCode, Map<DayOfWeek, Integer> byWeekday, Map<Session, Integer> bySession, int total) {

  public static AbsenceBreakdown of(Collection<SessionMark> marks) {
    Map<String, Integer> codes = new TreeMap<>();
    Map<DayOfWeek, Integer> weekdays = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d = DayOfWeek.MONDAY; d != DayOfWeek.SATURDAY; d = d.plus(1)) {
      weekdays.put(d, 0);
    }
    Map<Session, Integer> sessions = new EnumMap<>(Session.class);
    for (Session s : Session.values()) {
      sessions.put(s, 0);
    }
    int total = 0;
    for (SessionMark mark : marks) {
      if (mark.countsAs().isAbsence()) {
        total++;
        codes.merge(mark.code().code(), 1, Integer::sum);
        weekdays.merge(mark.date().getDayOfWeek(), 1, Integer::sum);
        sessions.merge(mark.session(), 1, Integer::sum);
      }
    }
    Map<String, Integer> mostFirst = new LinkedHashMap<>();
    codes.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> mostFirst.put(e.getKey(), e.getValue()));
    return new AbsenceBreakdown(
        Collections.unmodifiableMap(mostFirst),
        Collections.unmodifiableMap(weekdays),
        Collections.unmodifiableMap(sessions),
        total);
  }
}

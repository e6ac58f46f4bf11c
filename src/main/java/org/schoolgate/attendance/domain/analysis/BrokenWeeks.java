package org.schoolgate.attendance.domain.analysis;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.directory.domain.SchoolCalendar;

/**
 * Broken weeks (attendance rules §3.8): school weeks in which a pupil had at least one possible
 * session and missed at least one. Shows a pattern that a percentage hides.
 *
 * @param broken the Mondays of the broken weeks, oldest first
 * @param weeksWithSessions how many school weeks had at least one possible session, for "3 of 12"
 */
public record BrokenWeeks(List<LocalDate> broken, int weeksWithSessions) {

  public BrokenWeeks {
    broken = List.copyOf(broken);
  }

  public static BrokenWeeks of(Collection<SessionMark> marks, SchoolCalendar calendar) {
    List<WeeklyTrend.Week> weeks = WeeklyTrend.of(marks, calendar).weeks();
    return new BrokenWeeks(
        weeks.stream().filter(w -> w.week().hasSessions() && w.week().absent() > 0).map(WeeklyTrend.Week::monday).toList(),
        (int) weeks.stream().filter(w -> w.week().hasSessions()).count());
  }

  public int count() {
    return broken.size();
  }
}

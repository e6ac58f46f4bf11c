package org.schoolgate.attendance.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import org.schoolgate.attendance.domain.MetSessions;
import org.schoolgate.directory.domain.RegisterTimes;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.Session;

/**
 * "Now" as a school's registers see it: today in the school's zone, the last session whose
 * register has closed, and the Monday that starts this school week.
 */
public record RegisterClock(LocalDate today, MetSessions.Slot lastClosedSession, LocalDate weekStart) {

  public static RegisterClock of(School school, Clock clock) {
    LocalDateTime now = LocalDateTime.now(clock.withZone(school.zone()));
    LocalDate today = now.toLocalDate();
    RegisterTimes times = school.registerTimes();
    MetSessions.Slot last;
    if (!now.toLocalTime().isBefore(times.close(Session.PM))) {
      last = new MetSessions.Slot(today, Session.PM);
    } else if (!now.toLocalTime().isBefore(times.close(Session.AM))) {
      last = new MetSessions.Slot(today, Session.AM);
    } else {
      last = new MetSessions.Slot(today.minusDays(1), Session.PM);
    }
    return new RegisterClock(today, last, today.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)));
  }
}

package org.schoolgate.attendance.domain.register;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.schoolgate.directory.domain.RegisterTimes;
import org.schoolgate.directory.domain.Session;

/** One register session of the school: a date and its morning or afternoon. */
public record SessionSlot(LocalDate date, Session session) implements Comparable<SessionSlot> {

  public SessionSlot {
    if (date == null || session == null) {
      throw new IllegalArgumentException("A session needs a date and AM or PM");
    }
  }

  public static SessionSlot am(LocalDate date) {
    return new SessionSlot(date, Session.AM);
  }

  public static SessionSlot pm(LocalDate date) {
    return new SessionSlot(date, Session.PM);
  }

  /** When this session's register opens, the moment the session begins. */
  public LocalDateTime registerOpens(RegisterTimes times) {
    return date.atTime(times.open(session));
  }

  /** When this session's register closes. */
  public LocalDateTime registerCloses(RegisterTimes times) {
    return date.atTime(times.close(session));
  }

  @Override
  public int compareTo(SessionSlot other) {
    int byDate = date.compareTo(other.date);
    return byDate != 0 ? byDate : session.compareTo(other.session);
  }
}

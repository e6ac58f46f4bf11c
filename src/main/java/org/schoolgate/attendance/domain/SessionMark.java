package org.schoolgate.attendance.domain;

import java.time.LocalDate;
import org.schoolgate.directory.domain.Session;

/** One statutory mark as the rules see it: the session, the code and, for lates, minutes late. */
public record SessionMark(LocalDate date, Session session, AttendanceCode code, Integer minutesLate) {

  public static SessionMark of(LocalDate date, Session session, AttendanceCode code) {
    return new SessionMark(date, session, code, null);
  }

  public CountsAs countsAs() {
    return code.countsAs();
  }

  /** Orders marks by date then morning before afternoon. */
  public static int chronological(SessionMark a, SessionMark b) {
    int byDate = a.date().compareTo(b.date());
    return byDate != 0 ? byDate : a.session().compareTo(b.session());
  }
}

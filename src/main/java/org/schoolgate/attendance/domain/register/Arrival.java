package org.schoolgate.attendance.domain.register;

import java.time.LocalDate;
import org.schoolgate.attendance.domain.AttendanceCode;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.directory.domain.Session;

/**
 * The mark a pupil's arrival time gives for one session (attendance rules R1.3).
 *
 * @param minutesLate whole minutes after the register opened, for L and U; null otherwise
 * @param afterSessionEnded whether the pupil arrived after the session had ended, so the session
 *     is an absence for its reason rather than a late
 */
public record Arrival(Session session, AttendanceCode code, Integer minutesLate, boolean afterSessionEnded) {

  public SessionMark toMark(LocalDate date) {
    return new SessionMark(date, session, code, minutesLate);
  }
}

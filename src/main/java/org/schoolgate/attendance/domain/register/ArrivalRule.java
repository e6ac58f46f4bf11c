package org.schoolgate.attendance.domain.register;

import java.time.Duration;
import java.time.LocalTime;
import org.schoolgate.attendance.domain.AttendanceCode;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.directory.domain.RegisterTimes;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * Chooses the mark from the time a pupil arrives (attendance rules R1.3), to the second:
 *
 * <ul>
 *   <li>there when the register opens: present ({@code /} morning, {@code \} afternoon);
 *   <li>after it opens but before it closes: {@code L}, which counts as present;
 *   <li>at or after the close but before the session ends: {@code U}, an unauthorised absence
 *       even though the pupil is on site;
 *   <li>at or after the session ends: no {@code U}; the session is an absence for its reason,
 *       {@code N} until the reason is known.
 * </ul>
 */
public final class ArrivalRule {

  private final CodeBook codes;
  private final RegisterTimes times;

  /** Refuses register times that break R1.2 (open longer than 30 minutes, for example). */
  public ArrivalRule(CodeBook codes, RegisterTimes times) {
    times.validate();
    this.codes = codes;
    this.times = times;
  }

  /** The mark for an arrival whose reason, if the session has already ended, is not yet known. */
  public Arrival arrive(Session session, LocalTime arrival) {
    return arrive(session, arrival, null);
  }

  /**
   * The mark for an arrival; {@code absenceReason} is the absence code to use when the pupil came
   * after the session ended (I for an appointment that ran over, for example), or null for N.
   */
  public Arrival arrive(Session session, LocalTime arrival, AttendanceCode absenceReason) {
    LocalTime open = times.open(session);
    if (!arrival.isAfter(open)) {
      return new Arrival(session, codes.get(session == Session.AM ? "/" : "\\"), null, false);
    }
    int minutesLate = (int) Duration.between(open, arrival).toMinutes();
    if (arrival.isBefore(times.close(session))) {
      return new Arrival(session, codes.get("L"), minutesLate, false);
    }
    if (arrival.isBefore(times.end(session))) {
      return new Arrival(session, codes.get("U"), minutesLate, false);
    }
    if (absenceReason == null) {
      return new Arrival(session, codes.get("N"), null, true);
    }
    if (!absenceReason.countsAs().isAbsence() || absenceReason.late()) {
      throw new InvalidInputException(
          "code", "\"" + absenceReason.code() + "\" is not an absence reason for a session the pupil missed");
    }
    return new Arrival(session, absenceReason, null, true);
  }
}

package org.schoolgate.attendance.application;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.schoolgate.attendance.domain.MarkSource;
import org.schoolgate.directory.domain.Session;

/**
 * A mark to record: the code, or for a pupil arriving late the arrival time (the rules choose L
 * or U from the school's register close), and the reason, which a change to an existing mark
 * must give.
 */
public record MarkEntry(
    UUID pupilId, LocalDate date, Session session, String code, LocalTime arrivalTime, String reason, MarkSource source) {

  public static MarkEntry code(UUID pupilId, LocalDate date, Session session, String code, String reason, MarkSource source) {
    return new MarkEntry(pupilId, date, session, code, null, reason, source);
  }
}

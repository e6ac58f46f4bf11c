package org.schoolgate.attendance.application;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.attendance.domain.MarkSource;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.directory.domain.Session;

/** A statutory mark as stored: one per pupil per session, with where it came from. */
public record StoredMark(
    UUID pupilId,
    LocalDate date,
    Session session,
    String code,
    Integer minutesLate,
    LocalTime arrivalTime,
    String reason,
    MarkSource source,
    OffsetDateTime recordedAt,
    UUID recordedBy) {

  public SessionMark toSessionMark(CodeBook codes) {
    return new SessionMark(date, session, codes.get(code), minutesLate);
  }
}

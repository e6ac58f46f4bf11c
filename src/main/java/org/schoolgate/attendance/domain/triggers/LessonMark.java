package org.schoolgate.attendance.domain.triggers;

import java.time.LocalDate;
import java.util.Objects;
import org.schoolgate.directory.domain.Session;

/**
 * One lesson register entry (R1.5). The session says which statutory register the lesson falls
 * under, so a lesson absence can be set against the session mark.
 *
 * @param reason why the pupil missed the lesson, or null when no reason is known
 */
public record LessonMark(LocalDate date, Session session, int period, String subject, LessonMarkType type, String reason) {

  public LessonMark {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(type, "type");
  }

  /** Absent from the lesson and nobody has said why. */
  public boolean isUnexplainedAbsence() {
    return type == LessonMarkType.ABSENT && (reason == null || reason.isBlank());
  }
}

package org.schoolgate.attendance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * Missed sessions turned into what parents understand (attendance rules §3.5): days (two sessions
 * a day), hours and lessons (each session by its own length, as mornings and afternoons differ),
 * and weeks (five days).
 */
public record MissedLearning(int sessions, BigDecimal days, BigDecimal hours, int lessons, BigDecimal weeks) {

  /** What the absent sessions among these marks cost, with the school's session lengths. */
  public static MissedLearning of(Collection<SessionMark> marks, SessionLengths lengths) {
    int sessions = 0;
    BigDecimal hours = BigDecimal.ZERO;
    int lessons = 0;
    for (SessionMark mark : marks) {
      if (mark.countsAs().isAbsence()) {
        sessions++;
        hours = hours.add(lengths.hours(mark.session()));
        lessons += lengths.lessons(mark.session());
      }
    }
    BigDecimal days = BigDecimal.valueOf(sessions).divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
    return new MissedLearning(sessions, days, hours.stripTrailingZeros(), lessons, days.divide(BigDecimal.valueOf(5), 1, RoundingMode.HALF_UP));
  }
}

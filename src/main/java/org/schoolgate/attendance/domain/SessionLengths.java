package org.schoolgate.attendance.domain;

import java.math.BigDecimal;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.Session;

/** How long each session is and how many lessons it holds, for "hours and lessons missed". */
public record SessionLengths(BigDecimal amHours, BigDecimal pmHours, int amLessons, int pmLessons) {

  public static SessionLengths of(School school) {
    return new SessionLengths(school.getAmSessionHours(), school.getPmSessionHours(), school.getAmLessons(), school.getPmLessons());
  }

  public BigDecimal hours(Session session) {
    return session == Session.AM ? amHours : pmHours;
  }

  public int lessons(Session session) {
    return session == Session.AM ? amLessons : pmLessons;
  }
}

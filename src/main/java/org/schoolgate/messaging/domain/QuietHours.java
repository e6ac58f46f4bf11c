package org.schoolgate.messaging.domain;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours in which no text message goes to a family (default 20:00 to 07:30, school time). A
 * text due inside them waits until they end; emails and letters are not held.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

  public static QuietHours defaults(ZoneId zone) {
    return new QuietHours(LocalTime.of(20, 0), LocalTime.of(7, 30), zone);
  }

  /** Parses "20:00-07:30"; an empty value means no quiet hours. */
  public static QuietHours parse(String value, ZoneId zone) {
    if (value == null || value.isBlank()) {
      return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, zone);
    }
    String[] parts = value.trim().split("-");
    if (parts.length != 2) {
      throw new IllegalArgumentException("Quiet hours are written like 20:00-07:30, not " + value);
    }
    return new QuietHours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()), zone);
  }

  public boolean isQuiet(ZonedDateTime at) {
    LocalTime t = at.withZoneSameInstant(zone).toLocalTime();
    if (start.equals(end)) {
      return false;
    }
    if (start.isBefore(end)) {
      return !t.isBefore(start) && t.isBefore(end);
    }
    return !t.isBefore(start) || t.isBefore(end);
  }

  /** The first moment at or after {@code at} outside quiet hours. */
  public ZonedDateTime nextAllowed(ZonedDateTime at) {
    if (!isQuiet(at)) {
      return at;
    }
    ZonedDateTime local = at.withZoneSameInstant(zone);
    ZonedDateTime endToday = local.toLocalDate().atTime(end).atZone(zone);
    return endToday.isAfter(local) ? endToday : local.toLocalDate().plusDays(1).atTime(end).atZone(zone);
  }
}

package org.schoolgate.attendance.domain.triggers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.schoolgate.directory.domain.Session;

/** Dates and keys as the trigger tasks write them ("Mon 8 Sep", "T-N5:<pupil>:2025-09-08:AM"). */
final class StaffText {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private StaffText() {}

  static String day(LocalDate date) {
    return DAY.format(date);
  }

  static String session(LocalDate date, Session session) {
    return day(date) + " " + session;
  }

  static String key(String ruleId, UUID pupilId, Object... parts) {
    return Stream.concat(Stream.of(ruleId, pupilId), Stream.of(parts)).map(String::valueOf).collect(Collectors.joining(":"));
  }

  static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}

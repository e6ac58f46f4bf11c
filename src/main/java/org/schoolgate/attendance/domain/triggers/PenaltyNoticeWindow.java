package org.schoolgate.attendance.domain.triggers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.schoolgate.attendance.domain.CountsAs;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.directory.domain.SchoolCalendar;

/**
 * The penalty-notice count of attendance rules §4.2: the unauthorised sessions (G, N, O, U) in the
 * most recent school weeks ending with the week of a session, up to and including that session.
 * Weeks with no school session (holidays, half terms) are not school weeks, so the window crosses
 * terms and school years. Unresolved N sessions count but make the result provisional.
 *
 * @param schoolWeeks the Mondays of the school weeks in the window, oldest first (fewer than asked
 *     for at the start of the calendar)
 * @param endsWith the session the window ends with
 * @param byCode unauthorised sessions in the window by code, in code order
 */
public record PenaltyNoticeWindow(List<LocalDate> schoolWeeks, SessionMark endsWith, Map<String, Integer> byCode) {

  public PenaltyNoticeWindow {
    schoolWeeks = List.copyOf(schoolWeeks);
    byCode = Map.copyOf(byCode);
  }

  /** The window of {@code weeks} school weeks ending with the week of {@code last}, up to {@code last}. */
  public static PenaltyNoticeWindow endingWith(List<SessionMark> marks, SchoolCalendar calendar, SessionMark last, int weeks) {
    List<LocalDate> recent = calendar.recentSchoolWeeks(last.date(), weeks);
    List<LocalDate> oldestFirst = new ArrayList<>(recent);
    Collections.reverse(oldestFirst);
    LocalDate from = oldestFirst.isEmpty() ? last.date() : oldestFirst.get(0);
    Map<String, Integer> byCode = new TreeMap<>();
    for (SessionMark mark : marks) {
      boolean inWindow = !mark.date().isBefore(from) && SessionMark.chronological(mark, last) <= 0;
      if (inWindow && mark.countsAs() == CountsAs.UNAUTHORISED) {
        byCode.merge(mark.code().code(), 1, Integer::sum);
      }
    }
    return new PenaltyNoticeWindow(oldestFirst, last, byCode);
  }

  /** The window ending with the latest marked session on or before {@code today}; empty with no marks. */
  public static Optional<PenaltyNoticeWindow> latest(List<SessionMark> marks, SchoolCalendar calendar, LocalDate today, int weeks) {
    return marks.stream()
        .filter(m -> !m.date().isAfter(today))
        .max(SessionMark::chronological)
        .map(last -> endingWith(marks, calendar, last, weeks));
  }

  /** Unauthorised sessions in the window. */
  public int unauthorised() {
    return byCode.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Whether the count includes N sessions not yet resolved. */
  public boolean provisional() {
    return byCode.containsKey("N");
  }

  /** Whether the school must consider a penalty notice: at least {@code sessions} unauthorised sessions. */
  public boolean meetsThreshold(int sessions) {
    return unauthorised() >= sessions;
  }

  /** "G 4, U 6": the count by code for staff. */
  public String breakdown() {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(byCode).forEach((code, n) -> text.append(text.isEmpty() ? "" : ", ").append(code).append(' ').append(n));
    return text.toString();
  }
}

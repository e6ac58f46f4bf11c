package org.schoolgate.attendance.domain.analysis;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.attendance.domain.register.SessionSlot;
import org.schoolgate.directory.domain.RegisterTimes;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.directory.domain.Session;

/**
 * Which of a pupil's past sessions have no mark (attendance rules R1.6): sessions the school met,
 * while the pupil was on roll, whose register has closed. Unmarked sessions are left out of every
 * figure, never counted as present, and raise the "register incomplete" flag.
 */
public record RegisterCompleteness(List<SessionSlot> unmarked) {

  public RegisterCompleteness {
    unmarked = List.copyOf(unmarked);
  }

  /**
   * @param onRollTo the leaving date, or null while the pupil is on roll
   * @param now the school's local time; a session counts once its register has closed
   */
  public static RegisterCompleteness check(
      SchoolCalendar calendar,
      RegisterTimes times,
      LocalDate onRollFrom,
      LocalDate onRollTo,
      Collection<SessionMark> marks,
      LocalDateTime now) {
    Set<SessionSlot> marked =
        marks.stream().map(m -> new SessionSlot(m.date(), m.session())).collect(Collectors.toSet());
    LocalDate from = calendar.firstTermDay().filter(d -> d.isAfter(onRollFrom)).orElse(onRollFrom);
    LocalDate to = onRollTo == null || onRollTo.isAfter(now.toLocalDate()) ? now.toLocalDate() : onRollTo;
    List<SessionSlot> missing = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      for (Session session : Session.values()) {
        SessionSlot slot = new SessionSlot(day, session);
        if (calendar.meets(day, session) && !now.isBefore(slot.registerCloses(times)) && !marked.contains(slot)) {
          missing.add(slot);
        }
      }
    }
    return new RegisterCompleteness(missing);
  }

  public boolean isComplete() {
    return unmarked.isEmpty();
  }

  /** The data-quality flag staff see, when any past session is unmarked. */
  public Optional<String> flag() {
    if (isComplete()) {
      return Optional.empty();
    }
    return Optional.of(
        "Register incomplete: " + unmarked.size() + (unmarked.size() == 1 ? " session has" : " sessions have")
            + " no mark and " + (unmarked.size() == 1 ? "is" : "are") + " left out of the figures");
  }
}

package org.schoolgate.attendance.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.directory.domain.Session;

/**
 * The sessions a school has met from the start of a period up to the last register taken, in
 * order: what a pupil on roll for all of them should have a mark for (attendance rules R1.6; a
 * session with no mark is "register incomplete", never present).
 */
public final class MetSessions {

  /** One session of one day. */
  public record Slot(LocalDate date, Session session) implements Comparable<Slot> {
    @Override
    public int compareTo(Slot other) {
      int byDate = date.compareTo(other.date);
      return byDate != 0 ? byDate : session.compareTo(other.session);
    }
  }

  private final List<Slot> slots;

  private MetSessions(List<Slot> slots) {
    this.slots = List.copyOf(slots);
  }

  /**
   * The sessions met from {@code from} up to and including {@code through}: pass the afternoon of
   * yesterday, or this morning once its register has closed.
   */
  public static MetSessions of(SchoolCalendar calendar, LocalDate from, Slot through) {
    List<Slot> slots = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(through.date()); d = d.plusDays(1)) {
      for (Session s : Session.values()) {
        Slot slot = new Slot(d, s);
        if (slot.compareTo(through) <= 0 && calendar.meets(d, s)) {
          slots.add(slot);
        }
      }
    }
    return new MetSessions(slots);
  }

  public List<Slot> slots() {
    return slots;
  }

  /** Sessions met while a pupil was on roll (from {@code onRollFrom}, to {@code onRollTo} or open). */
  public int between(LocalDate onRollFrom, LocalDate onRollTo) {
    int n = 0;
    for (Slot slot : slots) {
      if (!slot.date().isBefore(onRollFrom) && (onRollTo == null || !slot.date().isAfter(onRollTo))) {
        n++;
      }
    }
    return n;
  }
}

package org.schoolgate.attendance.domain.leave;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.schoolgate.attendance.domain.register.SessionSlot;

/**
 * A request for leave of absence (attendance rules R6.1 to R6.4), as the school received it.
 *
 * @param livesWithPupil whether the pupil normally lives with the requester (needed for leave in
 *     exceptional circumstances, code C)
 * @param submittedAt when the school received the request, in the school's local time
 * @param requested the sessions asked for, in any order
 * @param daysSetApart for religious observance: the days the parent's religious body sets apart
 *     (only these may be coded R); empty for other purposes
 */
public record LeaveRequest(
    String requester,
    Relationship relationship,
    boolean livesWithPupil,
    LocalDateTime submittedAt,
    List<SessionSlot> requested,
    Purpose purpose,
    Set<LocalDate> daysSetApart,
    String reason) {

  /** Who is asking, as far as the rules care. */
  public enum Relationship {
    /** A parent or other person with parental responsibility or care of the pupil. */
    PARENT,
    /** Anyone else (a grandparent without care, a family friend). */
    OTHER
  }

  /** What the leave is for: a holiday's untaken sessions are G, other purposes' O. */
  public enum Purpose {
    HOLIDAY,
    RELIGIOUS_OBSERVANCE,
    OTHER
  }

  public LeaveRequest {
    if (submittedAt == null || requested == null || requested.isEmpty() || purpose == null || relationship == null) {
      throw new IllegalArgumentException("A leave request needs who asked, when, what for and at least one session");
    }
    requested = requested.stream().sorted().distinct().toList();
    daysSetApart = Set.copyOf(daysSetApart == null ? Set.of() : daysSetApart);
    if (purpose != Purpose.RELIGIOUS_OBSERVANCE && !daysSetApart.isEmpty()) {
      throw new IllegalArgumentException("Only a request for religious observance has days set apart");
    }
  }

  public SessionSlot firstSession() {
    return requested.get(0);
  }
}

package org.schoolgate.attendance.domain.leave;

import java.time.LocalDateTime;
import java.util.Set;
import org.schoolgate.attendance.domain.register.SessionSlot;

/**
 * The school's answer to a leave request (attendance rules R6.2, R6.3): the outcome, the sessions
 * granted (which may be fewer than asked for), who decided, when and why.
 */
public record LeaveDecision(Outcome outcome, Set<SessionSlot> granted, String decidedBy, LocalDateTime decidedAt, String reasons) {

  public enum Outcome {
    GRANTED("Granted"),
    PARTLY_GRANTED("Partly granted"),
    REFUSED("Not granted"),
    CANNOT_BE_GRANTED_RETROSPECTIVE("Cannot be granted: retrospective"),
    CANNOT_BE_GRANTED_REQUESTER("Cannot be granted: not requested by a parent the pupil normally lives with");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** Whether the rules, not the headteacher, decided. */
    public boolean forced() {
      return this == CANNOT_BE_GRANTED_RETROSPECTIVE || this == CANNOT_BE_GRANTED_REQUESTER;
    }
  }

  public LeaveDecision {
    granted = Set.copyOf(granted);
  }
}

package org.schoolgate.attendance.domain.leave;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.schoolgate.attendance.domain.AttendanceCode;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.attendance.domain.register.SessionSlot;
import org.schoolgate.directory.domain.RegisterTimes;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * Decides what may be granted and which code each requested session gets when the pupil is away
 * (attendance rules R6.1 to R6.4):
 *
 * <ul>
 *   <li>leave asked for at or after the start of its first session cannot be granted
 *       (retrospective);
 *   <li>leave in exceptional circumstances (C) cannot be granted unless a parent the pupil normally
 *       lives with asked for it;
 *   <li>granted sessions are C; sessions not granted, or taken beyond what was asked for, are G for
 *       a holiday and O otherwise;
 *   <li>for religious observance only the days set apart by the religious body are R.
 * </ul>
 */
public final class LeaveCoding {

  private final CodeBook codes;
  private final RegisterTimes times;

  public LeaveCoding(CodeBook codes, RegisterTimes times) {
    this.codes = codes;
    this.times = times;
  }

  /** Why the rules forbid granting this request, whatever the headteacher thinks, if they do. */
  public Optional<LeaveDecision.Outcome> cannotBeGranted(LeaveRequest request) {
    if (!request.submittedAt().isBefore(request.firstSession().registerOpens(times))) {
      return Optional.of(LeaveDecision.Outcome.CANNOT_BE_GRANTED_RETROSPECTIVE);
    }
    if (request.relationship() != LeaveRequest.Relationship.PARENT || !request.livesWithPupil()) {
      return Optional.of(LeaveDecision.Outcome.CANNOT_BE_GRANTED_REQUESTER);
    }
    return Optional.empty();
  }

  /**
   * The headteacher's decision: the sessions they grant, which must be among those requested.
   * Where the rules forbid granting, the decision is forced to "cannot be granted" and grants none.
   */
  public LeaveDecision decide(
      LeaveRequest request, Collection<SessionSlot> granted, String decidedBy, LocalDateTime at, String reasons) {
    if (!request.requested().containsAll(granted)) {
      throw new InvalidInputException("granted", "Only sessions the family asked for can be granted");
    }
    Optional<LeaveDecision.Outcome> forced = cannotBeGranted(request);
    if (forced.isPresent()) {
      return new LeaveDecision(forced.get(), Set.of(), decidedBy, at, forced.get().label());
    }
    Set<SessionSlot> grantedSet = Set.copyOf(granted);
    LeaveDecision.Outcome outcome =
        grantedSet.isEmpty()
            ? LeaveDecision.Outcome.REFUSED
            : grantedSet.size() == request.requested().size() ? LeaveDecision.Outcome.GRANTED : LeaveDecision.Outcome.PARTLY_GRANTED;
    return new LeaveDecision(outcome, grantedSet, decidedBy, at, reasons);
  }

  /** The code for a session the pupil was away under this request and decision. */
  public AttendanceCode codeFor(LeaveRequest request, LeaveDecision decision, SessionSlot away) {
    if (request.purpose() == LeaveRequest.Purpose.RELIGIOUS_OBSERVANCE && request.daysSetApart().contains(away.date())) {
      return codes.forSession("R", away.date());
    }
    if (decision.granted().contains(away)) {
      return codes.forSession("C", away.date());
    }
    return codes.forSession(request.purpose() == LeaveRequest.Purpose.HOLIDAY ? "G" : "O", away.date());
  }

  /** The codes for every session the pupil was away, in date order. */
  public Map<SessionSlot, AttendanceCode> codesFor(LeaveRequest request, LeaveDecision decision, Collection<SessionSlot> away) {
    Map<SessionSlot, AttendanceCode> result = new LinkedHashMap<>();
    away.stream().sorted().forEach(slot -> result.put(slot, codeFor(request, decision, slot)));
    return result;
  }
}

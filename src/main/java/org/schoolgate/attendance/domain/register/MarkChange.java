package org.schoolgate.attendance.domain.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.schoolgate.attendance.domain.AttendanceCode;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * One entry in a pupil's register, as the audit keeps it (attendance rules R1.4): the session, the
 * code it had before (none for a first mark), the new code, the reason, when, and who made it in
 * which role. Built only through the factories, which refuse what the rules forbid:
 *
 * <ul>
 *   <li>a change to an existing mark without a reason;
 *   <li>a historic code (F, H, J, old Y) for a session after 18 August 2024;
 *   <li>a code that needs the activity or cause recorded (B, K, Y7) without it;
 *   <li>{@code M} in place of the L or U an arrival gave, without a staff override reason.
 * </ul>
 */
public record MarkChange(
    SessionSlot slot,
    Optional<AttendanceCode> from,
    AttendanceCode to,
    String reason,
    String changedBy,
    String position,
    Instant changedAt,
    boolean imported) {

  /** A first mark for a session, entered on the register. */
  public static MarkChange enter(
      CodeBook codes, SessionSlot slot, String code, String reason, String changedBy, String position, Instant at) {
    AttendanceCode to = codes.forSession(code, slot.date());
    requireReasonWhereNeeded(to, reason);
    return new MarkChange(slot, Optional.empty(), to, clean(reason), changedBy, position, at, false);
  }

  /** A change to a mark already in the register: always needs a reason. */
  public static MarkChange amend(
      CodeBook codes, SessionMark existing, String code, String reason, String changedBy, String position, Instant at) {
    AttendanceCode to = codes.forSession(code, existing.date());
    if (clean(reason) == null) {
      throw new InvalidInputException(
          "reason", "Give a reason for changing " + existing.code().code() + " to " + to.code() + ": every change is kept");
    }
    requireReasonWhereNeeded(to, reason);
    SessionSlot slot = new SessionSlot(existing.date(), existing.session());
    return new MarkChange(slot, Optional.of(existing.code()), to, clean(reason), changedBy, position, at, false);
  }

  /**
   * Staff recording something other than the mark the arrival time gave, for example {@code M}
   * for a pupil late because of a medical or dental appointment at the start of the session.
   */
  public static MarkChange overrideArrival(
      CodeBook codes, LocalDate date, Arrival arrival, String code, String reason, String changedBy,
      String position, Instant at) {
    AttendanceCode to = codes.forSession(code, date);
    if (clean(reason) == null) {
      throw new InvalidInputException(
          "reason",
          to.code().equals("M") && arrival.code().late()
              ? "Recording M instead of " + arrival.code().code()
                  + " needs a staff override reason: the medical or dental appointment at the start of the session"
              : "Give a reason for recording " + to.code() + " instead of " + arrival.code().code());
    }
    requireReasonWhereNeeded(to, reason);
    return new MarkChange(
        new SessionSlot(date, arrival.session()), Optional.of(arrival.code()), to, clean(reason), changedBy, position, at, false);
  }

  /**
   * A mark from another system's history. Historic codes are accepted for the dates they were in
   * force and are shown as historic; the code's own date rules still apply.
   */
  public static MarkChange importHistoric(CodeBook codes, SessionSlot slot, String code, String source, Instant at) {
    AttendanceCode to = codes.forSession(code, slot.date());
    return new MarkChange(slot, Optional.empty(), to, "Imported from " + source, "import", "import", at, true);
  }

  /** Whether the code is a pre-2024 code, shown as historic and never offered for new marks. */
  public boolean isHistoric() {
    return to.isLegacy();
  }

  /** How the code is shown in the register: historic codes are labelled so nobody takes them as current. */
  public String displayCode() {
    return isHistoric() ? to.code() + " (historic)" : to.code();
  }

  public SessionMark toMark() {
    return SessionMark.of(slot.date(), slot.session(), to);
  }

  private static void requireReasonWhereNeeded(AttendanceCode code, String reason) {
    if (code.reasonRequired() && clean(reason) == null) {
      throw new InvalidInputException("reason", code.code() + " needs the activity or cause recorded with it");
    }
  }

  private static String clean(String reason) {
    return reason == null || reason.isBlank() ? null : reason.trim();
  }
}

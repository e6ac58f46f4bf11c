package org.schoolgate.attendance.domain.triggers;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import org.schoolgate.platform.security.StaffRole;

/**
 * A task the triggers propose for one pupil. The same situation always gets the same
 * {@code dedupeKey}, so evaluating a register again never makes a second task: the caller keeps
 * one task per key and updates its due date, provisional flag and details.
 *
 * @param raisedOn the school day the situation arose (the N session, the day a run reached its
 *     threshold)
 * @param provisional for penalty-notice consideration: the count includes N sessions that are not
 *     resolved yet
 * @param overdue for an N code: past its deadline
 * @param proposedCode for an N code: the code the system proposes ("O"); null for other tasks
 * @param details plain English for staff, with the dates and figures
 */
public record TaskProposal(
    TaskKind kind,
    String dedupeKey,
    LocalDate raisedOn,
    LocalDate dueDate,
    StaffRole ownerRole,
    boolean provisional,
    boolean overdue,
    String proposedCode,
    String details) {

  /** Due date first, then key: the order {@link TriggerEngine#evaluate} returns proposals in. */
  public static final Comparator<TaskProposal> BY_DUE_DATE =
      Comparator.comparing(TaskProposal::dueDate).thenComparing(TaskProposal::dedupeKey);

  public TaskProposal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dedupeKey, "dedupeKey");
    Objects.requireNonNull(raisedOn, "raisedOn");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(ownerRole, "ownerRole");
    Objects.requireNonNull(details, "details");
  }

  /** A task owned by the kind's role, neither provisional nor overdue, proposing no code. */
  static TaskProposal of(TaskKind kind, String dedupeKey, LocalDate raisedOn, LocalDate dueDate, String details) {
    return new TaskProposal(kind, dedupeKey, raisedOn, dueDate, kind.owner(), false, false, null, details);
  }
}

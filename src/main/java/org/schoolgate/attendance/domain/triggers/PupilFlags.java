package org.schoolgate.attendance.domain.triggers;

/**
 * What the triggers need to know about a pupil's safeguarding status. A social worker, child
 * protection or child in need plan, looked after status or a youth offending team worker makes
 * first-day contact a safeguarding task (T-D1-V); the vulnerable list adds a home visit on day 1
 * (T-HV1-V).
 */
public record PupilFlags(
    boolean socialWorker,
    boolean childProtection,
    boolean childInNeed,
    boolean lookedAfter,
    boolean youthOffendingWorker,
    boolean vulnerableList) {

  public static final PupilFlags NONE = new PupilFlags(false, false, false, false, false, false);

  /** Whether first-day absence must also reach the pupil's professionals (T-D1-V). */
  public boolean needsProfessionalsToldOnDayOne() {
    return socialWorker || childProtection || childInNeed || lookedAfter || youthOffendingWorker;
  }
}

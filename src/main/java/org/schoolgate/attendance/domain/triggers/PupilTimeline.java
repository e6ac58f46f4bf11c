package org.schoolgate.attendance.domain.triggers;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.directory.domain.SchoolCalendar;

/**
 * Everything the triggers read about one pupil: who they are, when they are on roll, their
 * statutory marks, the days the family was in touch, an expected return from illness and their
 * lesson marks. Compulsory school age is worked out from the date of birth (§0.2), so a pupil who
 * turns five or leaves in June is treated correctly on every date.
 *
 * @param onRollFrom the first day the school agreed or expected the pupil to attend (R1.7)
 * @param onRollTo the leaving date, or null while the pupil is on roll
 * @param marks statutory marks, in any order (kept in date and session order)
 * @param familyContactDays days on which the family made contact or gave a reason; such a day is
 *     not "unexplained" even while the code is still N
 * @param expectedIllnessReturn the date a medical note or the family says the pupil will be back,
 *     for the predictive sickness return; null when none is known
 * @param lessonMarks lesson registers to check for absence after registration (R1.5), normally
 *     today's
 */
public record PupilTimeline(
    UUID pupilId,
    LocalDate dateOfBirth,
    PupilFlags flags,
    LocalDate onRollFrom,
    LocalDate onRollTo,
    List<SessionMark> marks,
    SchoolCalendar calendar,
    Set<LocalDate> familyContactDays,
    LocalDate expectedIllnessReturn,
    List<LessonMark> lessonMarks) {

  public PupilTimeline {
    Objects.requireNonNull(pupilId, "pupilId");
    Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    Objects.requireNonNull(onRollFrom, "onRollFrom");
    Objects.requireNonNull(calendar, "calendar");
    if (onRollTo != null && onRollTo.isBefore(onRollFrom)) {
      throw new IllegalArgumentException("A pupil cannot leave the roll before joining it");
    }
    flags = flags == null ? PupilFlags.NONE : flags;
    marks = marks == null ? List.of() : marks.stream().sorted(SessionMark::chronological).toList();
    familyContactDays = familyContactDays == null ? Set.of() : Set.copyOf(familyContactDays);
    lessonMarks = lessonMarks == null ? List.of() : List.copyOf(lessonMarks);
  }

  /** Whether the pupil is on the admission register on this day. */
  public boolean isOnRoll(LocalDate date) {
    return !date.isBefore(onRollFrom) && (onRollTo == null || !date.isAfter(onRollTo));
  }

  public CompulsorySchoolAge compulsorySchoolAge() {
    return CompulsorySchoolAge.forBirthDate(dateOfBirth);
  }
}

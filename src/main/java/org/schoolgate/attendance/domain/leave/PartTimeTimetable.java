package org.schoolgate.attendance.domain.leave;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.schoolgate.attendance.domain.AttendanceCode;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.attendance.domain.register.SessionSlot;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.directory.domain.Session;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * A temporary part-time timetable (attendance rules §7.1): the sessions the pupil attends each week
 * between a start and an end date, reviewed every so many school days. Sessions the pupil is not
 * timetabled for are C2, which is authorised absence, so the plan lowers attendance; after the end
 * date C2 is refused unless a recorded review extended the plan.
 */
public final class PartTimeTimetable {

  /** Review every 10 school days (two weeks) unless the plan says otherwise. */
  public static final int DEFAULT_REVIEW_EVERY_SCHOOL_DAYS = 10;

  /** A session of the week the pupil is timetabled to attend. */
  public record TimetabledSession(DayOfWeek day, Session session) {}

  /** A review held with the pupil and parents, and what it decided. */
  public record Review(LocalDate heldOn, String outcome) {
    public Review {
      if (heldOn == null || outcome == null || outcome.isBlank()) {
        throw new InvalidInputException("review", "Record when the review was held and what it decided");
      }
    }
  }

  private final LocalDate start;
  private final LocalDate end;
  private final int reviewEverySchoolDays;
  private final Set<TimetabledSession> attends;
  private final List<Review> reviews;

  public PartTimeTimetable(
      LocalDate start, LocalDate end, int reviewEverySchoolDays, Set<TimetabledSession> attends, List<Review> reviews) {
    if (start == null || end == null || end.isBefore(start)) {
      throw new InvalidInputException("endDate", "A part-time timetable needs an end date on or after its start");
    }
    if (reviewEverySchoolDays < 1) {
      throw new InvalidInputException("reviewEverySchoolDays", "Reviews must fall due every one or more school days");
    }
    if (attends == null || attends.isEmpty()) {
      throw new InvalidInputException("sessions", "Choose the sessions the pupil attends");
    }
    this.start = start;
    this.end = end;
    this.reviewEverySchoolDays = reviewEverySchoolDays;
    this.attends = Set.copyOf(attends);
    this.reviews = List.copyOf(reviews);
  }

  /** A new plan with reviews every 10 school days. */
  public static PartTimeTimetable agree(LocalDate start, LocalDate end, Set<TimetabledSession> attends) {
    return new PartTimeTimetable(start, end, DEFAULT_REVIEW_EVERY_SCHOOL_DAYS, attends, List.of());
  }

  public LocalDate start() {
    return start;
  }

  public LocalDate end() {
    return end;
  }

  public List<Review> reviews() {
    return reviews;
  }

  /** Whether the pupil is timetabled to attend this session. */
  public boolean attends(SessionSlot slot) {
    return attends.contains(new TimetabledSession(slot.date().getDayOfWeek(), slot.session()));
  }

  /**
   * The days reviews fall due: the Nth, 2Nth, ... school day of the plan, counting its first school
   * day as day 1, up to the end date. Holidays and INSET days are not counted.
   */
  public List<LocalDate> reviewDueDates(SchoolCalendar calendar) {
    List<LocalDate> days = calendar.schoolDaysBetween(start, end);
    List<LocalDate> due = new ArrayList<>();
    for (int i = reviewEverySchoolDays - 1; i < days.size(); i += reviewEverySchoolDays) {
      due.add(days.get(i));
    }
    return due;
  }

  /**
   * C2 for a session the pupil is not timetabled to attend. Refused outside the plan's dates (after
   * the end date the plan must first be extended at a review) and for timetabled sessions.
   */
  public AttendanceCode c2For(CodeBook codes, SessionSlot slot) {
    if (slot.date().isAfter(end)) {
      throw new InvalidInputException(
          "code", "C2 cannot be used after the part-time timetable ended on " + end + " unless a review extends it");
    }
    if (slot.date().isBefore(start)) {
      throw new InvalidInputException("code", "C2 cannot be used before the part-time timetable starts on " + start);
    }
    if (attends(slot)) {
      throw new InvalidInputException("code", "The pupil is timetabled to attend this session, so it cannot be C2");
    }
    return codes.forSession("C2", slot.date());
  }

  /** The plan extended to a later end date by a review held on or before the current end date. */
  public PartTimeTimetable extend(LocalDate newEnd, Review review) {
    if (review == null) {
      throw new InvalidInputException("review", "A part-time timetable is extended only at a recorded review");
    }
    if (newEnd == null || !newEnd.isAfter(end)) {
      throw new InvalidInputException("endDate", "The new end date must be after " + end);
    }
    List<Review> all = new ArrayList<>(reviews);
    all.add(review);
    return new PartTimeTimetable(start, newEnd, reviewEverySchoolDays, attends, all);
  }

  /**
   * The pupil's figures if they keep to the plan: the figures so far plus every session the school
   * meets in the plan, attended when timetabled and authorised absence (C2) otherwise.
   */
  public AttendanceFigures projected(SchoolCalendar calendar, AttendanceFigures soFar) {
    int attended = 0;
    int c2 = 0;
    for (LocalDate day : calendar.schoolDaysBetween(start, end)) {
      for (Session session : Session.values()) {
        if (calendar.meets(day, session)) {
          if (attends(new SessionSlot(day, session))) {
            attended++;
          } else {
            c2++;
          }
        }
      }
    }
    return soFar.plus(new AttendanceFigures(attended + c2, attended, c2, 0, 0, 0));
  }

  /** What staff are shown when they create the plan: whether it makes the pupil PA or SA. */
  public List<String> creationWarnings(SchoolCalendar calendar, AttendanceFigures soFar) {
    AttendanceFigures p = projected(calendar, soFar);
    if (!p.persistentlyAbsent()) {
      return List.of();
    }
    String status = p.severelyAbsent() ? "severely absent (50% or more missed)" : "persistently absent (10% or more missed)";
    return List.of(
        "On this timetable the pupil's attendance would be " + p.attendanceRate().orElseThrow().forParents() + "% by "
            + end + ": " + status + " under DfE rules. C2 sessions are authorised absence and still lower attendance.");
  }
}

package org.schoolgate.attendance.domain.triggers;

import static org.schoolgate.attendance.domain.triggers.Section9Calendar.CALENDAR;
import static org.schoolgate.attendance.domain.triggers.Section9Calendar.date;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.directory.domain.Session;

/**
 * A pupil's register for trigger tests, on the §9 calendar: by default a 10-year-old (of
 * compulsory school age) on roll from Mon 1 Sep 2025 and present at every session up to the
 * last day given; later calls overwrite earlier marks for the same sessions.
 */
final class Pupils {

  static final CodeBook CODES = CodeBook.standard();
  static final UUID PUPIL = UUID.fromString("00000000-0000-0000-0000-000000000042");

  private LocalDate dateOfBirth = date(2015, 3, 10);
  private LocalDate onRollFrom = date(2025, 9, 1);
  private LocalDate onRollTo;
  private PupilFlags flags = PupilFlags.NONE;
  private final TreeMap<String, SessionMark> marks = new TreeMap<>();
  private final Set<LocalDate> contact = new HashSet<>();
  private LocalDate expectedIllnessReturn;
  private final List<LessonMark> lessons = new ArrayList<>();

  /** Present at every session the school meets from 1 Sep 2025 to {@code lastDay}. */
  static Pupils presentUntil(LocalDate lastDay) {
    Pupils p = new Pupils();
    p.code("/", date(2025, 9, 1), lastDay);
    return p;
  }

  /** No marks yet. */
  static Pupils noMarks() {
    return new Pupils();
  }

  /** Both sessions of every school day from {@code first} to {@code last} (present codes are / and \). */
  Pupils code(String code, LocalDate first, LocalDate last) {
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      for (Session s : Session.values()) {
        if (CALENDAR.meets(d, s)) {
          session(d, s, code.equals("/") && s == Session.PM ? "\\" : code);
        }
      }
    }
    return this;
  }

  Pupils day(String code, LocalDate day) {
    return code(code, day, day);
  }

  Pupils session(LocalDate date, Session session, String code) {
    marks.put(date + ":" + session, SessionMark.of(date, session, CODES.get(code)));
    return this;
  }

  Pupils bornOn(LocalDate dob) {
    this.dateOfBirth = dob;
    return this;
  }

  Pupils onRollFrom(LocalDate from) {
    this.onRollFrom = from;
    return this;
  }

  Pupils flags(PupilFlags flags) {
    this.flags = flags;
    return this;
  }

  Pupils familyContactOn(LocalDate day) {
    contact.add(day);
    return this;
  }

  Pupils expectedBackOn(LocalDate day) {
    this.expectedIllnessReturn = day;
    return this;
  }

  Pupils lesson(LessonMark lesson) {
    lessons.add(lesson);
    return this;
  }

  PupilTimeline build() {
    return new PupilTimeline(
        PUPIL, dateOfBirth, flags, onRollFrom, onRollTo, List.copyOf(marks.values()), CALENDAR, contact,
        expectedIllnessReturn, lessons);
  }

  List<TaskProposal> evaluate(LocalDate today) {
    return TriggerEngine.evaluate(build(), TriggerSettings.defaults(), today);
  }

  static List<TaskProposal> ofKind(List<TaskProposal> proposals, TaskKind kind) {
    return proposals.stream().filter(p -> p.kind() == kind).toList();
  }

  static List<LocalDate> dueDates(List<TaskProposal> proposals, TaskKind kind) {
    return ofKind(proposals, kind).stream().map(TaskProposal::dueDate).toList();
  }
}

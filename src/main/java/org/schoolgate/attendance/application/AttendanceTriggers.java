package org.schoolgate.attendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.schoolgate.attendance.domain.AcademicYear;
import org.schoolgate.attendance.domain.AttendanceTask;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.attendance.domain.SessionMark;
import org.schoolgate.attendance.domain.TaskStatus;
import org.schoolgate.attendance.domain.triggers.LessonMark;
import org.schoolgate.attendance.domain.triggers.LessonMarkType;
import org.schoolgate.attendance.domain.triggers.PupilFlags;
import org.schoolgate.attendance.domain.triggers.PupilTimeline;
import org.schoolgate.attendance.domain.triggers.TaskKind;
import org.schoolgate.attendance.domain.triggers.TaskProposal;
import org.schoolgate.attendance.domain.triggers.TriggerEngine;
import org.schoolgate.attendance.domain.triggers.TriggerSettings;
import org.schoolgate.directory.application.SchoolCalendars;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.directory.domain.Session;

/**
 * Runs the attendance rules' triggers (§4) over the register and keeps one task per situation:
 * a new situation becomes a task on its owner role's list, one seen again keeps its task (with
 * its due date and details refreshed), and an N that has since been coded closes its task as no
 * longer needed. Situations whose due date is more than a school week old when first seen (an
 * import of last term's registers, say) are left alone: they were handled before.
 */
@ApplicationScoped
public class AttendanceTriggers {

  private static final Logger LOG = Logger.getLogger(AttendanceTriggers.class.getName());

  /** How far back, in school days, a newly seen situation still becomes a task. */
  static final int LOOK_BACK_SCHOOL_DAYS = 5;

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  private Clock clock;
  private SchoolCalendars calendars;
  private CodeTable codes;
  private MarkStore marks;
  private LessonRegister lessons;

  protected AttendanceTriggers() {}

  @Inject
  public AttendanceTriggers(Clock clock, SchoolCalendars calendars, CodeTable codes, DataSource dataSource, LessonRegister lessons) {
    this.clock = clock;
    this.calendars = calendars;
    this.codes = codes;
    this.marks = new MarkStore(dataSource);
    this.lessons = lessons;
  }

  /** What one evaluation changed. */
  public record Outcome(int pupils, int created, int refreshed, int closed) {}

  /** Evaluates every pupil of the school. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Outcome evaluateSchool(UUID schoolId) {
    School school = em.find(School.class, schoolId);
    List<Pupil> pupils =
        em.createQuery("select p from Pupil p where p.school.id = :s", Pupil.class).setParameter("s", schoolId).getResultList();
    return evaluate(school, pupils);
  }

  /** After a register change commits, the pupils whose marks changed are evaluated again at once. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void onMarksChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MarksChanged changed) {
    evaluatePupils(changed.schoolId(), changed.pupilIds());
  }

  /** Evaluates some pupils of a school, in the caller's transaction. */
  @Transactional
  public Outcome evaluatePupils(UUID schoolId, Collection<UUID> pupilIds) {
    School school = em.find(School.class, schoolId);
    List<Pupil> pupils =
        em.createQuery("select p from Pupil p where p.id in :ids", Pupil.class).setParameter("ids", List.copyOf(pupilIds)).getResultList();
    return evaluate(school, pupils);
  }

  private Outcome evaluate(School school, List<Pupil> pupils) {
    LocalDate today = LocalDate.now(clock.withZone(school.zone()));
    AcademicYear year = AcademicYear.containing(today);
    SchoolCalendar calendar = calendars.calendarOf(school.getId());
    TriggerSettings settings = TriggerSettings.of(school);
    CodeBook book = codes.codes();
    LocalDate oldestNew = oldestNewDueDate(calendar, today);
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<UUID, Pupil> byId = new HashMap<>();
    pupils.forEach(p -> byId.put(p.getId(), p));

    Map<UUID, List<TaskProposal>> proposals = new HashMap<>();
    // a school's whole register streams through in pupil order, one pupil in memory at a time
    Set<UUID> wanted = byId.keySet();
    java.util.function.BiConsumer<UUID, List<StoredMark>> evaluateOne =
        (pupilId, stored) -> {
          Pupil pupil = byId.get(pupilId);
          if (pupil != null) {
            proposals.put(pupilId, TriggerEngine.evaluate(timeline(pupil, stored, calendar, book, today), settings, today));
          }
        };
    if (wanted.size() <= 50) {
      wanted.forEach(id -> evaluateOne.accept(id, marks.marksOf(id, year.start(), today)));
    } else {
      marks.forEachPupil(school.getId(), year.start(), today, evaluateOne);
    }
    // pupils with no marks at all: expected but never arrived (R1.7), or registers not yet taken
    for (Pupil pupil : pupils) {
      proposals.computeIfAbsent(
          pupil.getId(), id -> TriggerEngine.evaluate(timeline(pupil, List.of(), calendar, book, today), settings, today));
    }

    Map<String, AttendanceTask> existing = new HashMap<>();
    for (List<UUID> chunk : MarkStore.chunks(List.copyOf(wanted), 1000)) {
      em.createQuery("select t from AttendanceTask t where t.pupilId in :ids", AttendanceTask.class)
          .setParameter("ids", chunk)
          .getResultList()
          .forEach(t -> existing.put(t.getDedupeKey(), t));
    }
    int created = 0;
    int refreshed = 0;
    Set<String> seen = new java.util.HashSet<>();
    for (Map.Entry<UUID, List<TaskProposal>> e : proposals.entrySet()) {
      for (TaskProposal p : e.getValue()) {
        if (p.kind() == TaskKind.IRREGULAR_ATTENDANCE_RETURN) {
          // every persistently absent pupil, monthly: that is the persistent-absence list the
          // attendance return is made from, not a task per pupil on the officer's list
          continue;
        }
        seen.add(p.dedupeKey());
        AttendanceTask task = existing.get(p.dedupeKey());
        if (task != null) {
          task.refresh(p.dueDate(), p.provisional(), p.details());
          refreshed++;
        } else if (!p.dueDate().isBefore(oldestNew) || p.kind() == TaskKind.N_TO_RESOLVE) {
          em.persist(
              new AttendanceTask(
                  school.getId(), e.getKey(), p.kind().name(), p.kind().ruleId(), p.kind().title(), p.dedupeKey(),
                  p.raisedOn(), p.dueDate(), p.kind().owner(), p.provisional(), p.details(), now));
          created++;
        }
      }
    }
    int closed = 0;
    for (AttendanceTask task : existing.values()) {
      if (task.getStatus() == TaskStatus.OPEN && task.getKind().equals(TaskKind.N_TO_RESOLVE.name())
          && !seen.contains(task.getDedupeKey())) {
        task.noLongerNeeded("The N code has been replaced by the real reason", now);
        closed++;
      }
    }
    int c = created;
    int r = refreshed;
    int x = closed;
    LOG.fine(() -> "Triggers at school " + school.getId() + ": " + c + " new tasks, " + r + " seen again, " + x + " closed");
    return new Outcome(pupils.size(), created, refreshed, closed);
  }

  private PupilTimeline timeline(Pupil pupil, List<StoredMark> stored, SchoolCalendar calendar, CodeBook book, LocalDate today) {
    List<SessionMark> sessionMarks = new ArrayList<>(stored.size());
    for (StoredMark m : stored) {
      sessionMarks.add(m.toSessionMark(book));
    }
    List<LessonMark> lessonMarks = new ArrayList<>();
    if (pupil.getSchool().getPhase().takesLessonRegisters()) {
      for (LessonRegister.LessonEntry l : lessons.read(pupil.getId(), today, today)) {
        Session session = l.period() <= pupil.getSchool().getAmLessons() ? Session.AM : Session.PM;
        lessonMarks.add(new LessonMark(l.date(), session, l.period(), l.subject(), LessonMarkType.valueOf(l.mark()), l.reason()));
      }
    }
    return new PupilTimeline(
        pupil.getId(),
        pupil.getDateOfBirth(),
        new PupilFlags(
            pupil.hasSocialWorker(), pupil.isChildProtection(), pupil.isChildInNeed(), pupil.isLookedAfter(),
            pupil.hasYouthOffendingWorker(), pupil.isOnVulnerableList()),
        pupil.getOnRollFrom(),
        pupil.getOnRollTo(),
        sessionMarks,
        calendar,
        Set.of(),
        pupil.getExpectedIllnessReturn(),
        lessonMarks);
  }

  /** The school day {@link #LOOK_BACK_SCHOOL_DAYS} before today (or the first term day). */
  static LocalDate oldestNewDueDate(SchoolCalendar calendar, LocalDate today) {
    LocalDate day = today;
    int counted = 0;
    LocalDate floor = calendar.firstTermDay().orElse(today);
    while (counted < LOOK_BACK_SCHOOL_DAYS && day.isAfter(floor)) {
      day = day.minusDays(1);
      if (calendar.isSchoolDay(day)) {
        counted++;
      }
    }
    return day;
  }
}

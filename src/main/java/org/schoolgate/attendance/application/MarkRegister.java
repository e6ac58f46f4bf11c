package org.schoolgate.attendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.schoolgate.attendance.domain.AcademicYear;
import org.schoolgate.attendance.domain.AttendanceCode;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.attendance.domain.MarkAmendment;
import org.schoolgate.attendance.domain.MarkSource;
import org.schoolgate.attendance.domain.register.Arrival;
import org.schoolgate.attendance.domain.register.ArrivalRule;
import org.schoolgate.directory.application.SchoolCalendars;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.PupilAccessPolicy;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.directory.domain.StaffMember;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.InvalidInputException;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * Takes and corrects the statutory register (attendance rules §1): one mark per pupil per
 * session, only for sessions the school meets and the pupil is on roll for, with codes valid for
 * the date. A change to an existing mark needs a reason and is written to the amendment history
 * with the name and position of whoever made it; the stored figures move with it.
 */
@ApplicationScoped
@Transactional
public class MarkRegister {

  /** Roles that take or correct any register of their school; teachers take their own groups'. */
  public static final Set<StaffRole> REGISTER_ROLES =
      Set.of(
          StaffRole.OFFICE, StaffRole.ATTENDANCE_OFFICER, StaffRole.PASTORAL_LEAD, StaffRole.DSL,
          StaffRole.HEADTEACHER, StaffRole.ADMINISTRATOR, StaffRole.TEACHER);

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  private CurrentUser currentUser;
  private Clock clock;
  private CodeTable codeTable;
  private SchoolCalendars calendars;
  private MarkStore marks;
  private FiguresStore figures;
  private Event<MarksChanged> changed;

  protected MarkRegister() {}

  @Inject
  public MarkRegister(
      CurrentUser currentUser,
      Clock clock,
      CodeTable codeTable,
      SchoolCalendars calendars,
      DataSource dataSource,
      Event<MarksChanged> changed) {
    this.currentUser = currentUser;
    this.clock = clock;
    this.codeTable = codeTable;
    this.calendars = calendars;
    this.marks = new MarkStore(dataSource);
    this.figures = new FiguresStore(dataSource, codeTable.codes());
    this.changed = changed;
  }

  /** What happened to one entry: the mark now stored and whether it replaced a different code. */
  public record Recorded(StoredMark mark, String previousCode, boolean amended) {}

  /** Records one mark. */
  public Recorded record(MarkEntry entry) {
    return recordAll(List.of(entry)).get(0);
  }

  /**
   * Records a session's marks for a group, all or nothing: if one entry is refused, none is kept,
   * and the message names the pupil.
   */
  public List<Recorded> recordAll(List<MarkEntry> entries) {
    SignedInUser user = currentUser.requireStaff();
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Recorded> results = new ArrayList<>();
    List<FiguresStore.Change> changes = new ArrayList<>();
    Set<UUID> pupils = new LinkedHashSet<>();
    School school = null;
    for (MarkEntry entry : entries) {
      Pupil pupil = em.find(Pupil.class, entry.pupilId());
      if (pupil == null || !PupilAccessPolicy.staffMaySee(user, pupil)) {
        throw new NotFoundException("Pupil");
      }
      if (!user.hasAnyRoleAt(pupil.getSchool().getId(), REGISTER_ROLES)) {
        throw new AccessDeniedException(
            "Only staff who take registers at " + pupil.getSchool().getName() + " can record marks");
      }
      if (school != null && !school.getId().equals(pupil.getSchool().getId())) {
        throw new InvalidInputException("pupils", "Record one school's register at a time");
      }
      school = pupil.getSchool();
      Recorded recorded = recordOne(user, pupil, entry, now);
      results.add(recorded);
      if (recorded.amended() || recorded.previousCode() == null) {
        changes.add(new FiguresStore.Change(pupil.getId(), entry.date(), recorded.previousCode(), recorded.mark().code()));
        pupils.add(pupil.getId());
      }
    }
    if (!changes.isEmpty()) {
      // the same "today" and school week, in the school's zone, as the morning recompute uses
      RegisterClock registers = RegisterClock.of(school, clock);
      AcademicYear year = AcademicYear.containing(registers.today());
      List<FiguresStore.Change> thisYear =
          changes.stream().filter(c -> year.contains(c.date()) && !c.date().isAfter(registers.today())).toList();
      figures.ensureRows(pupils, year.start(), registers.today(), registers.weekStart(), now);
      figures.applyChanges(thisYear, registers.weekStart());
      changed.fire(new MarksChanged(school.getId(), Set.copyOf(pupils)));
    }
    return results;
  }

  private Recorded recordOne(SignedInUser user, Pupil pupil, MarkEntry entry, OffsetDateTime now) {
    String who = pupil.displayName();
    CodeBook codes = codeTable.codes();
    if (entry.date() == null || entry.session() == null) {
      throw new InvalidInputException("session", "Choose the date and the session (AM or PM) for " + who);
    }
    if (!pupil.isOnRoll(entry.date())) {
      throw new InvalidInputException(
          "date", who + " is not on the school's roll on " + entry.date() + ", so no mark can be recorded");
    }
    SchoolCalendar calendar = calendars.calendarOf(pupil.getSchool().getId());
    if (!calendar.meets(entry.date(), entry.session())) {
      throw new InvalidInputException(
          "date", "The school does not meet on " + entry.date() + " " + entry.session() + ", so there is no register");
    }
    LocalDate today = LocalDate.now(clock.withZone(pupil.getSchool().zone()));
    if (entry.date().isAfter(today)) {
      throw new InvalidInputException(
          "date", "A register can only be taken on the day: report a future absence instead of marking it");
    }
    String reason = entry.reason() == null ? null : entry.reason().trim();
    AttendanceCode code;
    Integer minutesLate = null;
    boolean hasCode = entry.code() != null && !entry.code().isBlank();
    if (entry.arrivalTime() != null && !(hasCode && entry.code().trim().equals("M"))) {
      // R1.3: the arrival time decides L or U; a code given is the reason if the session had ended
      Arrival arrival =
          new ArrivalRule(codes, pupil.getSchool().registerTimes())
              .arrive(entry.session(), entry.arrivalTime(), hasCode ? codes.forSession(entry.code(), entry.date()) : null);
      code = arrival.code();
      minutesLate = arrival.minutesLate();
    } else if (hasCode) {
      code = codes.forSession(entry.code(), entry.date());
      if (entry.arrivalTime() != null && (reason == null || reason.isEmpty())) {
        throw new InvalidInputException(
            "reason", "Recording M instead of a late mark needs the appointment noted as the reason for " + who);
      }
    } else {
      throw new InvalidInputException("code", "Choose a register code or an arrival time for " + who);
    }
    if (code.reasonRequired() && (reason == null || reason.isEmpty())) {
      throw new InvalidInputException(
          "reason", "Code " + code.code() + " needs the activity or reason recorded with it (" + code.meaning() + ")");
    }
    Optional<StoredMark> existing = marks.find(pupil.getId(), entry.date(), entry.session());
    if (existing.isPresent() && existing.get().code().equals(code.code())) {
      return new Recorded(existing.get(), existing.get().code(), false);
    }
    if (existing.isPresent() && (reason == null || reason.isEmpty())) {
      throw new InvalidInputException(
          "reason",
          "Give a reason for changing " + who + "'s mark on " + entry.date() + " " + entry.session() + " from "
              + existing.get().code() + " to " + code.code());
    }
    StoredMark mark =
        new StoredMark(
            pupil.getId(), entry.date(), entry.session(), code.code(), minutesLate, entry.arrivalTime(), reason,
            entry.source(), now, user.id());
    marks.save(mark);
    if (existing.isPresent()) {
      StaffMember staff = em.find(StaffMember.class, user.id());
      em.persist(
          new MarkAmendment(
              pupil.getId(), entry.date(), entry.session(), existing.get().code(), code.code(), reason, user.id(),
              user.displayName(), staff == null || staff.getJobTitle() == null ? "Staff" : staff.getJobTitle(), now,
              entry.source()));
      return new Recorded(mark, existing.get().code(), true);
    }
    return new Recorded(mark, null, false);
  }

  /** One pupil's line on a session's register: the mark already recorded, if any. */
  public record RegisterLine(Pupil pupil, Optional<StoredMark> mark) {}

  /**
   * A class's register for one session, in name order, with any marks already taken: pupils on
   * roll that day whom the signed-in member of staff may see.
   */
  public List<RegisterLine> register(UUID groupId, LocalDate date, org.schoolgate.directory.domain.Session session) {
    SignedInUser user = currentUser.requireStaff();
    List<Pupil> pupils =
        em.createQuery(
                "select p from Pupil p where p.group.id = :g order by p.legalLastName, p.legalFirstName", Pupil.class)
            .setParameter("g", groupId)
            .getResultList()
            .stream()
            .filter(p -> PupilAccessPolicy.staffMaySee(user, p) && p.isOnRoll(date))
            .toList();
    java.util.Map<UUID, StoredMark> taken = marks.sessionMarks(pupils.stream().map(Pupil::getId).toList(), date, session);
    return pupils.stream().map(p -> new RegisterLine(p, Optional.ofNullable(taken.get(p.getId())))).toList();
  }

  /** The codes staff may choose for a session on this date. */
  public List<AttendanceCode> codesFor(LocalDate date) {
    return codeTable.codes().usableOn(date);
  }

  /** Every change to a pupil's marks, newest first (the amendment history of R1.4). */
  public List<MarkAmendment> amendmentsOf(UUID pupilId) {
    SignedInUser user = currentUser.requireStaff();
    Pupil pupil = em.find(Pupil.class, pupilId);
    if (pupil == null || !PupilAccessPolicy.staffMaySee(user, pupil)) {
      throw new NotFoundException("Pupil");
    }
    return em.createQuery(
            "select a from MarkAmendment a where a.pupilId = :p order by a.amendedAt desc", MarkAmendment.class)
        .setParameter("p", pupilId)
        .getResultList();
  }
}

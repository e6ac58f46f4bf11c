package org.schoolgate.attendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.schoolgate.attendance.domain.AttendanceTask;
import org.schoolgate.attendance.domain.TaskStatus;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.PupilAccessPolicy;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * The tasks the attendance rules raise, as each member of staff works them: the open tasks
 * owned by their roles (the DSL and the headteacher see every task of their school), assignment,
 * and completion with what was done.
 */
@ApplicationScoped
@Transactional
public class AttendanceTasks {

  /** Roles that see and may work every task of their school, whoever owns it. */
  static final Set<StaffRole> OVERSEERS = EnumSet.of(StaffRole.DSL, StaffRole.HEADTEACHER, StaffRole.ADMINISTRATOR);

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  private CurrentUser currentUser;
  private Clock clock;

  protected AttendanceTasks() {}

  @Inject
  public AttendanceTasks(CurrentUser currentUser, Clock clock) {
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** A task with the pupil it is about, for lists. */
  public record TaskLine(AttendanceTask task, Pupil pupil, boolean overdue) {}

  /**
   * Open tasks at a school for the signed-in member of staff: those owned by one of their roles
   * there, or every task for the DSL and headteacher; soonest due first. {@code roles} narrows
   * the list to some roles (empty for all the person may see).
   */
  public List<TaskLine> openTasks(UUID schoolId, Collection<StaffRole> roles) {
    SignedInUser user = currentUser.requireStaff();
    Set<StaffRole> mine = user.rolesAt(schoolId);
    if (mine.isEmpty()) {
      throw new NotFoundException("School");
    }
    Set<StaffRole> visible =
        mine.stream().anyMatch(OVERSEERS::contains) ? EnumSet.allOf(StaffRole.class) : EnumSet.copyOf(mine);
    if (roles != null && !roles.isEmpty()) {
      visible.retainAll(roles);
    }
    if (visible.isEmpty()) {
      return List.of();
    }
    LocalDate today = LocalDate.now(clock);
    return em.createQuery(
            "select t, p from AttendanceTask t, Pupil p where p.id = t.pupilId and t.schoolId = :s"
                + " and t.status = :open and t.ownerRole in :roles order by t.dueDate, t.createdAt",
            Object[].class)
        .setParameter("s", schoolId)
        .setParameter("open", TaskStatus.OPEN)
        .setParameter("roles", visible)
        .getResultList()
        .stream()
        .filter(r -> PupilAccessPolicy.staffMaySee(user, (Pupil) r[1]))
        .map(r -> new TaskLine((AttendanceTask) r[0], (Pupil) r[1], ((AttendanceTask) r[0]).isOverdue(today)))
        .toList();
  }

  /** Every task raised for a pupil, open ones first. */
  public List<AttendanceTask> tasksOf(UUID pupilId) {
    requirePupil(pupilId);
    return em.createQuery(
            "select t from AttendanceTask t where t.pupilId = :p order by t.status desc, t.dueDate desc", AttendanceTask.class)
        .setParameter("p", pupilId)
        .getResultList()
        .stream()
        .sorted(java.util.Comparator.comparing((AttendanceTask t) -> !t.getStatus().isOpen()))
        .toList();
  }

  public AttendanceTask assignToMe(UUID taskId) {
    AttendanceTask task = requireWorkable(taskId);
    task.assignTo(currentUser.requireStaff().id());
    return task;
  }

  /** Closes a task with what was done; the outcome is required. */
  public AttendanceTask complete(UUID taskId, String outcome) {
    AttendanceTask task = requireWorkable(taskId);
    task.complete(outcome, currentUser.requireStaff().id(), OffsetDateTime.now(clock));
    return task;
  }

  private AttendanceTask requireWorkable(UUID taskId) {
    SignedInUser user = currentUser.requireStaff();
    AttendanceTask task = em.find(AttendanceTask.class, taskId);
    if (task == null) {
      throw new NotFoundException("Task");
    }
    Set<StaffRole> roles = user.rolesAt(task.getSchoolId());
    if (roles.isEmpty()) {
      throw new NotFoundException("Task");
    }
    if (!roles.contains(task.getOwnerRole()) && roles.stream().noneMatch(OVERSEERS::contains)) {
      throw new AccessDeniedException("This task belongs to the " + task.getOwnerRole().label() + " role");
    }
    requirePupil(task.getPupilId());
    return task;
  }

  private Pupil requirePupil(UUID pupilId) {
    SignedInUser user = currentUser.requireStaff();
    Pupil pupil = em.find(Pupil.class, pupilId);
    if (pupil == null || !PupilAccessPolicy.staffMaySee(user, pupil)) {
      throw new NotFoundException("Pupil");
    }
    return pupil;
  }
}

package org.schoolgate.attendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.schoolgate.attendance.domain.AcademicYear;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.CohortComparison;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.PupilAccessPolicy;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.TeachingGroup;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * Figures for staff lists: a school, a year group or a class pooled (Σ attended ÷ Σ possible),
 * with one line per pupil the signed-in member of staff may see, and the persistent and severe
 * absence lists. Read from the stored per-pupil figures, so a list of 900 pupils is one query.
 */
@ApplicationScoped
@Transactional
public class AttendanceSummaries {

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  private CurrentUser currentUser;
  private Clock clock;
  private FiguresStore figures;

  protected AttendanceSummaries() {}

  @Inject
  public AttendanceSummaries(
      CurrentUser currentUser, Clock clock, CodeTable codes, DataSource dataSource) {
    this.currentUser = currentUser;
    this.clock = clock;
    this.figures = new FiguresStore(dataSource, codes.codes());
  }

  /** Which way a pupil's or a group's cumulative attendance moved over the latest school week. */
  public enum Trend {
    UP,
    DOWN,
    FLAT;

    static Trend of(AttendanceFigures now, AttendanceFigures before) {
      if (!now.hasSessions() || !before.hasSessions()) {
        return FLAT;
      }
      int cmp = now.attendanceRate().orElseThrow().compareTo(before.attendanceRate().orElseThrow());
      return cmp > 0 ? UP : cmp < 0 ? DOWN : FLAT;
    }
  }

  /** One pupil in a list. */
  public record PupilLine(Pupil pupil, AttendanceFigures figures, int unmarked, Trend trend) {
    public boolean persistentlyAbsent() {
      return figures.persistentlyAbsent();
    }

    public boolean severelyAbsent() {
      return figures.severelyAbsent();
    }
  }

  /** A pooled group with its pupils. */
  public record GroupSummary(String label, AttendanceFigures pooled, Trend trend, List<PupilLine> pupils) {
    public long persistentlyAbsentCount() {
      return pupils.stream().filter(PupilLine::persistentlyAbsent).count();
    }

    public long severelyAbsentCount() {
      return pupils.stream().filter(PupilLine::severelyAbsent).count();
    }
  }

  public GroupSummary school(UUID schoolId) {
    School school = requireSchool(schoolId);
    return summarise(school.getName(), pupilsOf("p.school.id = :id", schoolId));
  }

  public GroupSummary yearGroup(UUID schoolId, int yearGroup) {
    requireSchool(schoolId);
    List<Pupil> pupils =
        em.createQuery("select p from Pupil p where p.school.id = :id and p.yearGroup = :y", Pupil.class)
            .setParameter("id", schoolId)
            .setParameter("y", yearGroup)
            .getResultList();
    return summarise(yearLabel(yearGroup), visible(pupils));
  }

  public GroupSummary group(UUID groupId) {
    TeachingGroup group = em.find(TeachingGroup.class, groupId);
    if (group == null) {
      throw new NotFoundException("Class");
    }
    requireSchool(group.getSchool().getId());
    List<Pupil> pupils = pupilsOf("p.group.id = :id", groupId);
    if (pupils.isEmpty() && !currentUser.requireStaff().seesWholeSchool(group.getSchool().getId())
        && !currentUser.requireStaff().groupIds().contains(groupId)) {
      throw new NotFoundException("Class");
    }
    return summarise(group.getName(), pupils);
  }

  /** Pupils missing 10% or more of their possible sessions, lowest attendance first. */
  public List<PupilLine> persistentlyAbsent(UUID schoolId) {
    return school(schoolId).pupils().stream().filter(PupilLine::persistentlyAbsent).toList();
  }

  /** Pupils missing 50% or more of their possible sessions, lowest attendance first. */
  public List<PupilLine> severelyAbsent(UUID schoolId) {
    return school(schoolId).pupils().stream().filter(PupilLine::severelyAbsent).toList();
  }

  /** The pooled figures of the pupil's year group and class, for "compared with a typical pupil". */
  public record Comparisons(Optional<CohortComparison> withYear, Optional<CohortComparison> withClass) {}

  /**
   * The pupil against their year group and class, both from the stored figures so the pupil's
   * share of the pool is exactly what is left out.
   */
  public Comparisons comparisonsFor(Pupil pupil) {
    AttendanceFigures own = figures.find(pupil.getId()).map(FiguresStore.Row::figures).orElse(AttendanceFigures.NONE);
    AttendanceFigures year = pooled("p.school.id = :s and p.yearGroup = :y", pupil.getSchool().getId(), pupil.getYearGroup(), null);
    Optional<CohortComparison> withClass =
        pupil.getGroup() == null
            ? Optional.empty()
            : CohortComparison.of(own, pooled("p.group.id = :g", null, null, pupil.getGroup().getId()));
    return new Comparisons(CohortComparison.of(own, year), withClass);
  }

  private AttendanceFigures pooled(String where, UUID schoolId, Integer yearGroup, UUID groupId) {
    var query = em.createQuery("select p.id from Pupil p where " + where, UUID.class);
    if (schoolId != null) {
      query.setParameter("s", schoolId);
    }
    if (yearGroup != null) {
      query.setParameter("y", yearGroup);
    }
    if (groupId != null) {
      query.setParameter("g", groupId);
    }
    return figures.forPupils(query.getResultList()).values().stream()
        .map(FiguresStore.Row::figures)
        .reduce(AttendanceFigures.NONE, AttendanceFigures::plus);
  }

  private GroupSummary summarise(String label, List<Pupil> pupils) {
    Map<UUID, FiguresStore.Row> rows = figures.forPupils(pupils.stream().map(Pupil::getId).toList());
    List<PupilLine> lines =
        pupils.stream()
            .map(
                p -> {
                  FiguresStore.Row row = rows.get(p.getId());
                  return row == null
                      ? new PupilLine(p, AttendanceFigures.NONE, 0, Trend.FLAT)
                      : new PupilLine(p, row.figures(), row.unmarked(), Trend.of(row.figures(), row.beforeRecentWeek()));
                })
            .sorted(byAttendance())
            .toList();
    AttendanceFigures pooled = lines.stream().map(PupilLine::figures).reduce(AttendanceFigures.NONE, AttendanceFigures::plus);
    AttendanceFigures before =
        pupils.stream()
            .map(p -> rows.get(p.getId()))
            .filter(java.util.Objects::nonNull)
            .map(FiguresStore.Row::beforeRecentWeek)
            .reduce(AttendanceFigures.NONE, AttendanceFigures::plus);
    return new GroupSummary(label, pooled, Trend.of(pooled, before), lines);
  }

  /** Lowest attendance first; pupils with no sessions yet last. */
  private static Comparator<PupilLine> byAttendance() {
    return Comparator.<PupilLine, Boolean>comparing(l -> !l.figures().hasSessions())
        .thenComparing(
            l -> l.figures().attendanceRate().orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(l -> l.pupil().getLegalLastName());
  }

  private List<Pupil> pupilsOf(String where, UUID id) {
    return visible(
        em.createQuery("select p from Pupil p where " + where, Pupil.class).setParameter("id", id).getResultList());
  }

  private List<Pupil> visible(List<Pupil> pupils) {
    SignedInUser user = currentUser.requireStaff();
    return pupils.stream().filter(p -> PupilAccessPolicy.staffMaySee(user, p)).toList();
  }

  private School requireSchool(UUID schoolId) {
    SignedInUser user = currentUser.requireStaff();
    School school = em.find(School.class, schoolId);
    if (school == null || user.rolesAt(schoolId).isEmpty()) {
      throw new NotFoundException("School");
    }
    return school;
  }

  public AcademicYear currentYear() {
    return AcademicYear.containing(java.time.LocalDate.now(clock));
  }

  static String yearLabel(int yearGroup) {
    return yearGroup == 0 ? "Reception" : yearGroup < 0 ? "Nursery" : "Year " + yearGroup;
  }
}

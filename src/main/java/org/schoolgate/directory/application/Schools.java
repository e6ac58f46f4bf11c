package org.schoolgate.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.schoolgate.directory.domain.RegisterTimes;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.StageModel;
import org.schoolgate.directory.domain.StageThresholds;
import org.schoolgate.directory.domain.TeachingGroup;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.NotFoundException;

/** Schools, their groups and their settings, for the staff who work there. */
@ApplicationScoped
@Transactional
public class Schools {

  /** Who may change a school's register, session and threshold settings. */
  public static final Set<StaffRole> SETTINGS_ROLES =
      EnumSet.of(StaffRole.ADMINISTRATOR, StaffRole.HEADTEACHER);

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  private CurrentUser currentUser;

  protected Schools() {}

  @Inject
  public Schools(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  /** The schools the signed-in member of staff works at, by name. */
  public List<School> mySchools() {
    SignedInUser user = currentUser.requireStaff();
    if (user.schoolIds().isEmpty()) {
      return List.of();
    }
    return em.createQuery("select s from School s where s.id in :ids order by s.name", School.class)
        .setParameter("ids", user.schoolIds())
        .getResultList();
  }

  public School school(UUID schoolId) {
    SignedInUser user = currentUser.require();
    School school = em.find(School.class, schoolId);
    if (school == null || (user.isStaff() && user.rolesAt(schoolId).isEmpty())) {
      throw new NotFoundException("School");
    }
    return school;
  }

  public List<TeachingGroup> groups(UUID schoolId) {
    school(schoolId);
    return em.createQuery(
            "select g from TeachingGroup g where g.school.id = :s order by g.yearGroup, g.name", TeachingGroup.class)
        .setParameter("s", schoolId)
        .getResultList();
  }

  public boolean mayChangeSettings(UUID schoolId) {
    return currentUser.get().map(u -> u.hasAnyRoleAt(schoolId, SETTINGS_ROLES)).orElse(false);
  }

  /** Changes register times; refused above 30 minutes (R1.2) and for staff without the role. */
  public School changeRegisterTimes(UUID schoolId, RegisterTimes times) {
    School school = schoolForSettings(schoolId);
    school.changeRegisterTimes(times);
    return school;
  }

  public School changeSessionLengths(UUID schoolId, BigDecimal amHours, BigDecimal pmHours, int amLessons, int pmLessons) {
    School school = schoolForSettings(schoolId);
    school.changeSessionLengths(amHours, pmHours, amLessons, pmLessons);
    return school;
  }

  public School changeStageThresholds(UUID schoolId, StageModel model, StageThresholds thresholds) {
    School school = schoolForSettings(schoolId);
    school.changeStageThresholds(model, thresholds);
    return school;
  }

  public School changeBranding(UUID schoolId, String brandKey, String colour) {
    School school = schoolForSettings(schoolId);
    school.changeBranding(brandKey, colour);
    return school;
  }

  private School schoolForSettings(UUID schoolId) {
    School school = school(schoolId);
    if (!mayChangeSettings(schoolId)) {
      throw new AccessDeniedException("Only an administrator or the headteacher can change school settings");
    }
    return school;
  }
}

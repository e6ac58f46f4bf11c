package org.schoolgate.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.PupilAccessPolicy;
import org.schoolgate.directory.domain.PupilGuardian;
import org.schoolgate.platform.security.AccessAuditLog;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * Reads pupils and their guardians for the signed-in person, applying {@link PupilAccessPolicy}
 * and writing every staff read of a pupil record to the access audit.
 */
@ApplicationScoped
@Transactional
public class PupilDirectory {

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  private CurrentUser currentUser;
  private AccessAuditLog audit;

  protected PupilDirectory() {}

  @Inject
  public PupilDirectory(CurrentUser currentUser, AccessAuditLog audit) {
    this.currentUser = currentUser;
    this.audit = audit;
  }

  /**
   * One pupil's record for the signed-in person. Staff reads are audited under {@code resource}
   * (the screen or endpoint). A pupil the person may not see is reported as not found.
   */
  public Pupil pupil(UUID pupilId, String resource) {
    SignedInUser user = currentUser.require();
    Pupil pupil = em.find(Pupil.class, pupilId);
    if (pupil == null || !maySee(user, pupil)) {
      throw new NotFoundException("Pupil");
    }
    audit.recordRead(user, pupilId, resource);
    return pupil;
  }

  /** Whether the signed-in person may see this pupil, without auditing a read. */
  public boolean maySee(SignedInUser user, Pupil pupil) {
    if (user.isStaff()) {
      return PupilAccessPolicy.staffMaySee(user, pupil);
    }
    return linksOf(pupil.getId()).stream().anyMatch(l -> PupilAccessPolicy.parentMaySee(user, l));
  }

  /**
   * Pupils of a school whose name or UPN contains the text, for staff, limited to what they may
   * see. Blank text lists the school's pupils alphabetically.
   */
  public List<Pupil> search(UUID schoolId, String text, int limit) {
    SignedInUser user = currentUser.requireStaff();
    if (user.rolesAt(schoolId).isEmpty()) {
      return List.of();
    }
    String like = "%" + (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) + "%";
    List<Pupil> found =
        em.createQuery(
                "select p from Pupil p where p.school.id = :school and (lower(p.legalFirstName) like :t"
                    + " or lower(p.legalLastName) like :t or lower(p.preferredFirstName) like :t"
                    + " or lower(concat(concat(p.legalFirstName, ' '), p.legalLastName)) like :t"
                    + " or lower(p.upn) like :t) order by p.legalLastName, p.legalFirstName",
                Pupil.class)
            .setParameter("school", schoolId)
            .setParameter("t", like)
            .setMaxResults(user.seesWholeSchool(schoolId) ? limit : 5000)
            .getResultList();
    return found.stream().filter(p -> PupilAccessPolicy.staffMaySee(user, p)).limit(limit).toList();
  }

  /** The pupils of one class or tutor group, for staff who may see them. */
  public List<Pupil> pupilsInGroup(UUID groupId) {
    SignedInUser user = currentUser.requireStaff();
    return em.createQuery(
            "select p from Pupil p where p.group.id = :g order by p.legalLastName, p.legalFirstName", Pupil.class)
        .setParameter("g", groupId)
        .getResultList()
        .stream()
        .filter(p -> PupilAccessPolicy.staffMaySee(user, p))
        .toList();
  }

  /** The guardians of a pupil the person may see, in the order the office should ring them. */
  public List<PupilGuardian> guardiansOf(UUID pupilId, String resource) {
    pupil(pupilId, resource);
    return linksOf(pupilId);
  }

  /** For a signed-in parent: the children they hold parental responsibility for. */
  public List<Pupil> myChildren() {
    SignedInUser user = currentUser.requireParent();
    return em.createQuery(
            "select l from PupilGuardian l where l.guardian.id = :g", PupilGuardian.class)
        .setParameter("g", user.id())
        .getResultList()
        .stream()
        .filter(PupilGuardian::mayAccessChild)
        .map(PupilGuardian::getPupil)
        .sorted(Comparator.comparing(Pupil::getDateOfBirth))
        .toList();
  }

  private List<PupilGuardian> linksOf(UUID pupilId) {
    return em.createQuery(
            "select l from PupilGuardian l where l.pupil.id = :p order by l.contactPriority", PupilGuardian.class)
        .setParameter("p", pupilId)
        .getResultList();
  }
}

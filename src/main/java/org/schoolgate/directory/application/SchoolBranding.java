package org.schoolgate.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.schoolgate.directory.domain.PupilGuardian;
import org.schoolgate.directory.domain.School;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.ui.Branding;

/** Finds the school whose branding a person sees. */
@ApplicationScoped
@Transactional
public class SchoolBranding implements Branding {

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  @Override
  public Optional<Brand> brandFor(SignedInUser user) {
    Optional<School> school;
    if (user.isStaff()) {
      school =
          user.schoolIds().isEmpty()
              ? Optional.empty()
              : em.createQuery("select s from School s where s.id in :ids order by s.name", School.class)
                  .setParameter("ids", user.schoolIds())
                  .setMaxResults(1)
                  .getResultStream()
                  .findFirst();
    } else {
      school =
          em.createQuery(
                  "select l from PupilGuardian l where l.guardian.id = :g order by l.pupil.dateOfBirth",
                  PupilGuardian.class)
              .setParameter("g", user.id())
              .getResultStream()
              .filter(PupilGuardian::mayAccessChild)
              .map(l -> l.getPupil().getSchool())
              .findFirst();
    }
    return school.filter(s -> s.getBrandKey() != null).map(s -> new Brand(s.getName(), s.getBrandKey()));
  }
}

package org.schoolgate.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.schoolgate.directory.domain.EmailAddress;
import org.schoolgate.directory.domain.Guardian;
import org.schoolgate.directory.domain.PhoneNumber;

/**
 * Finds guardians by how they reach us: a mobile or landline number, or an email address. Used by
 * parent sign-in and by the office when a caller's number is shown. Callers apply their own rules
 * about what the person may then see.
 */
@ApplicationScoped
@Transactional
public class GuardianLookup {

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  /** Guardians with this number as mobile or landline, who may access at least one child. */
  public List<Guardian> withPortalAccessByPhone(PhoneNumber number) {
    return em.createQuery(
            "select distinct g from Guardian g, PupilGuardian l where l.guardian = g"
                + " and (g.mobile = :n or g.landline = :n) and l.parentalResponsibility = true"
                + " and l.noContact = false order by g.lastName, g.firstName",
            Guardian.class)
        .setParameter("n", number.e164())
        .getResultList();
  }

  /** Guardians with this email, who may access at least one child. */
  public List<Guardian> withPortalAccessByEmail(EmailAddress email) {
    return em.createQuery(
            "select distinct g from Guardian g, PupilGuardian l where l.guardian = g"
                + " and lower(g.email) = :e and l.parentalResponsibility = true"
                + " and l.noContact = false order by g.lastName, g.firstName",
            Guardian.class)
        .setParameter("e", email.value().toLowerCase(java.util.Locale.ROOT))
        .getResultList();
  }

  public Guardian guardian(java.util.UUID id) {
    return em.find(Guardian.class, id);
  }
}

package org.schoolgate.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Writes and reads the access audit: every time staff open a pupil's record, by screen or API. */
@ApplicationScoped
public class AccessAuditLog {

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  private Clock clock;

  protected AccessAuditLog() {}

  @Inject
  public AccessAuditLog(Clock clock) {
    this.clock = clock;
  }

  /** Records that this member of staff read this pupil's record through {@code resource}. */
  @Transactional(Transactional.TxType.REQUIRED)
  public void recordRead(SignedInUser user, UUID pupilId, String resource) {
    if (user.isStaff()) {
      em.persist(new AccessAuditEntry(OffsetDateTime.now(clock), user.id(), pupilId, resource));
    }
  }

  /** The most recent reads of a pupil's record, newest first. */
  public List<AccessAuditEntry> readsOf(UUID pupilId, int limit) {
    return em.createQuery(
            "select a from AccessAuditEntry a where a.pupilId = :p order by a.at desc", AccessAuditEntry.class)
        .setParameter("p", pupilId)
        .setMaxResults(limit)
        .getResultList();
  }
}

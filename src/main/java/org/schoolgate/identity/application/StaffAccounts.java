package org.schoolgate.identity.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.schoolgate.directory.domain.School;
import org.schoolgate.directory.domain.StaffMember;
import org.schoolgate.identity.domain.PasswordHasher;
import org.schoolgate.identity.domain.RoleAssignment;
import org.schoolgate.identity.domain.StaffAccount;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.validation.InvalidInputException;

/** Creates staff sign-ins and grants roles, for administrators. */
@ApplicationScoped
@Transactional
public class StaffAccounts {

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  private final PasswordHasher hasher = new PasswordHasher();

  public StaffAccount createAccount(StaffMember staff, String username, String password) {
    if (!PasswordHasher.acceptable(password)) {
      throw new InvalidInputException("password", "Passwords need at least 10 characters");
    }
    boolean taken =
        !em.createQuery("select a from StaffAccount a where a.username = :u", StaffAccount.class)
            .setParameter("u", StaffAccount.normalise(username))
            .getResultList()
            .isEmpty();
    if (taken) {
      throw new InvalidInputException("username", "That username is taken");
    }
    StaffAccount account = new StaffAccount(staff, username, hasher.hash(password));
    em.persist(account);
    return account;
  }

  public void grant(StaffMember staff, StaffRole role, School school) {
    em.persist(new RoleAssignment(staff, role, school));
  }

  /** Makes a teacher or form tutor responsible for a class or tutor group. */
  public void assignGroup(UUID staffMemberId, UUID groupId) {
    em.createNativeQuery("insert into staff_group (staff_member_id, group_id) values (?, ?)")
        .setParameter(1, staffMemberId)
        .setParameter(2, groupId)
        .executeUpdate();
  }
}

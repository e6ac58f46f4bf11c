package org.schoolgate.identity.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.schoolgate.directory.domain.StaffMember;
import org.schoolgate.identity.domain.RoleAssignment;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;

/** Builds the signed-in view of a member of staff: roles per school and the groups they teach. */
@ApplicationScoped
@Transactional
public class StaffPrincipals {

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  public SignedInUser of(StaffMember staff) {
    Map<UUID, Set<StaffRole>> roles = new HashMap<>();
    for (RoleAssignment a :
        em.createQuery("select a from RoleAssignment a where a.staffMember.id = :s", RoleAssignment.class)
            .setParameter("s", staff.getId())
            .getResultList()) {
      roles.computeIfAbsent(a.getSchool().getId(), k -> EnumSet.noneOf(StaffRole.class)).add(a.getRole());
    }
    @SuppressWarnings("unchecked")
    List<Object> groups =
        em.createNativeQuery("select group_id from staff_group where staff_member_id = ?")
            .setParameter(1, staff.getId())
            .getResultList();
    Set<UUID> groupIds = new HashSet<>();
    for (Object g : groups) {
      groupIds.add(g instanceof UUID u ? u : UUID.fromString(g.toString()));
    }
    return new SignedInUser(SignedInUser.Kind.STAFF, staff.getId(), staff.fullName(), roles, groupIds, "en");
  }
}

package org.schoolgate.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who is signed in: a member of staff (with roles per school and the groups they teach) or a
 * parent (a guardian). The same value guards Vaadin routes and REST endpoints.
 *
 * @param id the staff member's id, or the guardian's id for a parent
 * @param rolesBySchool for staff, the roles held at each school
 * @param groupIds for teachers, the classes and tutor groups they teach
 * @param language for parents, the portal language code ("en", "pl", ...)
 */
public record SignedInUser(
    Kind kind,
    UUID id,
    String displayName,
    Map<UUID, Set<StaffRole>> rolesBySchool,
    Set<UUID> groupIds,
    String language) {

  public enum Kind {
    STAFF,
    PARENT
  }

  public SignedInUser {
    rolesBySchool = Map.copyOf(rolesBySchool);
    groupIds = Set.copyOf(groupIds);
  }

  public static SignedInUser parent(UUID guardianId, String displayName, String language) {
    return new SignedInUser(Kind.PARENT, guardianId, displayName, Map.of(), Set.of(), language);
  }

  public boolean isStaff() {
    return kind == Kind.STAFF;
  }

  public boolean isParent() {
    return kind == Kind.PARENT;
  }

  /** The schools this member of staff holds any role at. */
  public Set<UUID> schoolIds() {
    return rolesBySchool.keySet();
  }

  public Set<StaffRole> rolesAt(UUID schoolId) {
    return rolesBySchool.getOrDefault(schoolId, Set.of());
  }

  public boolean hasRoleAt(UUID schoolId, StaffRole role) {
    return rolesAt(schoolId).contains(role);
  }

  public boolean hasAnyRoleAt(UUID schoolId, Collection<StaffRole> roles) {
    return rolesAt(schoolId).stream().anyMatch(roles::contains);
  }

  /** Whether the person holds any of these roles at any school. */
  public boolean hasAnyRole(Collection<StaffRole> roles) {
    return rolesBySchool.values().stream().flatMap(Set::stream).anyMatch(roles::contains);
  }

  /** Every role held anywhere. */
  public Set<StaffRole> allRoles() {
    Set<StaffRole> all = EnumSet.noneOf(StaffRole.class);
    rolesBySchool.values().forEach(all::addAll);
    return all;
  }

  /** Whether this member of staff sees every pupil of the school (not only their classes). */
  public boolean seesWholeSchool(UUID schoolId) {
    return rolesAt(schoolId).stream().anyMatch(StaffRole::seesWholeSchool);
  }
}

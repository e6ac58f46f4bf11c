package org.schoolgate.directory.domain;

import org.schoolgate.platform.security.SignedInUser;

/**
 * Who may see a pupil's record. Staff: any role at the pupil's school except teacher, who sees
 * only the groups they teach. Parents: only children they hold parental responsibility for, with
 * no no-contact order; that part is decided on the pupil-guardian link.
 */
public final class PupilAccessPolicy {
  private PupilAccessPolicy() {}

  public static boolean staffMaySee(SignedInUser user, Pupil pupil) {
    if (!user.isStaff()) {
      return false;
    }
    var schoolId = pupil.getSchool().getId();
    if (user.seesWholeSchool(schoolId)) {
      return true;
    }
    return !user.rolesAt(schoolId).isEmpty()
        && pupil.getGroup() != null
        && user.groupIds().contains(pupil.getGroup().getId());
  }

  public static boolean parentMaySee(SignedInUser user, PupilGuardian link) {
    return user.isParent() && link.getGuardian().getId().equals(user.id()) && link.mayAccessChild();
  }
}

package org.schoolgate.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignedInUserTest {

  private final UUID riverside = UUID.randomUUID();
  private final UUID hillside = UUID.randomUUID();
  private final UUID oak = UUID.randomUUID();

  private SignedInUser staff(Map<UUID, Set<StaffRole>> roles, Set<UUID> groups) {
    return new SignedInUser(SignedInUser.Kind.STAFF, UUID.randomUUID(), "Dave Clarke", roles, groups, "en");
  }

  @Test
  void a_parent_is_a_parent_with_no_roles_and_no_groups() {
    SignedInUser parent = SignedInUser.parent(UUID.randomUUID(), "Amira Haddad", "ar");
    assertThat(parent.isParent()).isTrue();
    assertThat(parent.isStaff()).isFalse();
    assertThat(parent.schoolIds()).isEmpty();
    assertThat(parent.allRoles()).isEmpty();
    assertThat(parent.hasAnyRole(List.of(StaffRole.values()))).isFalse();
    assertThat(parent.language()).isEqualTo("ar");
  }

  @Test
  void roles_are_held_at_one_school_and_not_at_another() {
    SignedInUser officer = staff(Map.of(riverside, EnumSet.of(StaffRole.ATTENDANCE_OFFICER)), Set.of());
    assertThat(officer.isStaff()).isTrue();
    assertThat(officer.hasRoleAt(riverside, StaffRole.ATTENDANCE_OFFICER)).isTrue();
    assertThat(officer.hasRoleAt(hillside, StaffRole.ATTENDANCE_OFFICER)).isFalse();
    assertThat(officer.rolesAt(hillside)).isEmpty();
    assertThat(officer.schoolIds()).containsExactly(riverside);
  }

  @Test
  void any_of_several_roles_is_checked_per_school_or_across_schools() {
    SignedInUser user =
        staff(Map.of(riverside, EnumSet.of(StaffRole.OFFICE), hillside, EnumSet.of(StaffRole.DSL)), Set.of());
    assertThat(user.hasAnyRoleAt(riverside, List.of(StaffRole.DSL, StaffRole.HEADTEACHER))).isFalse();
    assertThat(user.hasAnyRoleAt(hillside, List.of(StaffRole.DSL, StaffRole.HEADTEACHER))).isTrue();
    assertThat(user.hasAnyRole(List.of(StaffRole.DSL))).isTrue();
    assertThat(user.hasAnyRole(List.of(StaffRole.ADMINISTRATOR))).isFalse();
    assertThat(user.allRoles()).containsExactlyInAnyOrder(StaffRole.OFFICE, StaffRole.DSL);
  }

  @Test
  void a_teacher_sees_only_their_groups_but_every_other_role_sees_the_whole_school() {
    assertThat(staff(Map.of(riverside, EnumSet.of(StaffRole.TEACHER)), Set.of(oak)).seesWholeSchool(riverside)).isFalse();
    for (StaffRole role : StaffRole.values()) {
      if (role != StaffRole.TEACHER) {
        assertThat(staff(Map.of(riverside, EnumSet.of(role)), Set.of()).seesWholeSchool(riverside)).as(role.name()).isTrue();
      }
    }
  }

  @Test
  void a_teacher_with_a_whole_school_role_at_another_school_still_sees_only_their_groups_here() {
    SignedInUser user =
        staff(Map.of(riverside, EnumSet.of(StaffRole.TEACHER), hillside, EnumSet.of(StaffRole.HEADTEACHER)), Set.of(oak));
    assertThat(user.seesWholeSchool(riverside)).isFalse();
    assertThat(user.seesWholeSchool(hillside)).isTrue();
  }

  @Test
  void changing_the_maps_it_was_built_from_does_not_change_what_the_user_may_do() {
    Map<UUID, Set<StaffRole>> roles = new HashMap<>();
    roles.put(riverside, EnumSet.of(StaffRole.TEACHER));
    Set<UUID> groups = new HashSet<>(Set.of(oak));
    SignedInUser teacher = staff(roles, groups);

    roles.put(hillside, EnumSet.of(StaffRole.HEADTEACHER));
    groups.add(UUID.randomUUID());

    assertThat(teacher.schoolIds()).containsExactly(riverside);
    assertThat(teacher.groupIds()).containsExactly(oak);
  }

  @Test
  void every_role_has_a_label_for_screens() {
    for (StaffRole role : StaffRole.values()) {
      assertThat(role.label()).as(role.name()).isNotBlank();
    }
    assertThat(StaffRole.HEADTEACHER.label()).isEqualTo("Headteacher (senior attendance champion)");
  }
}

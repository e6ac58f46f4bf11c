package org.schoolgate.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;

class PupilAccessPolicyTest {

  private final Trust trust = new Trust("Riverside Learning Trust");
  private final School school =
      new School(trust, "100001", "Riverside Primary", Phase.PRIMARY,
          new RegisterTimes(LocalTime.of(8, 40), LocalTime.of(13, 0), 30, LocalTime.of(12, 0), LocalTime.of(15, 15)));
  private final School other =
      new School(trust, "100002", "Riverside Academy", Phase.SECONDARY,
          new RegisterTimes(LocalTime.of(8, 25), LocalTime.of(13, 30), 30, LocalTime.of(12, 20), LocalTime.of(15, 10)));
  private final TeachingGroup oak = new TeachingGroup(school, "Oak", 2);
  private final TeachingGroup elm = new TeachingGroup(school, "Elm", 2);
  private final Pupil pupil = new Pupil(school, "A123456789012", "Sami", "Haddad", LocalDate.of(2018, 3, 1), 2, Gender.MALE, LocalDate.of(2022, 9, 1));

  private SignedInUser staff(School at, StaffRole role, Set<UUID> groups) {
    return new SignedInUser(SignedInUser.Kind.STAFF, UUID.randomUUID(), "Staff", Map.of(at.getId(), EnumSet.of(role)), groups, "en");
  }

  @Test
  void office_staff_at_the_pupils_school_see_the_pupil() {
    assertThat(PupilAccessPolicy.staffMaySee(staff(school, StaffRole.OFFICE, Set.of()), pupil)).isTrue();
  }

  @Test
  void staff_at_another_school_of_the_trust_do_not() {
    assertThat(PupilAccessPolicy.staffMaySee(staff(other, StaffRole.HEADTEACHER, Set.of()), pupil)).isFalse();
  }

  @Test
  void a_teacher_sees_only_pupils_in_the_groups_they_teach() {
    pupil.placeIn(oak);
    assertThat(PupilAccessPolicy.staffMaySee(staff(school, StaffRole.TEACHER, Set.of(oak.getId())), pupil)).isTrue();
    assertThat(PupilAccessPolicy.staffMaySee(staff(school, StaffRole.TEACHER, Set.of(elm.getId())), pupil)).isFalse();
  }

  @Test
  void a_parent_with_parental_responsibility_sees_their_child() {
    Guardian mum = new Guardian("Mrs", "Amira", "Haddad");
    PupilGuardian link = new PupilGuardian(pupil, mum, "Mother", true, true, 1, true);
    assertThat(PupilAccessPolicy.parentMaySee(SignedInUser.parent(mum.getId(), "Amira Haddad", "ar"), link)).isTrue();
  }

  @Test
  void a_no_contact_order_removes_a_parents_access() {
    Guardian dad = new Guardian("Mr", "Omar", "Haddad");
    PupilGuardian link = new PupilGuardian(pupil, dad, "Father", true, false, 2, false);
    link.restrictContact(true, "Court order 2025");
    assertThat(PupilAccessPolicy.parentMaySee(SignedInUser.parent(dad.getId(), "Omar Haddad", "en"), link)).isFalse();
  }

  @Test
  void a_guardian_without_parental_responsibility_cannot_see_the_child() {
    Guardian aunt = new Guardian(null, "Leila", "Haddad");
    PupilGuardian link = new PupilGuardian(pupil, aunt, "Aunt", false, false, 3, false);
    assertThat(PupilAccessPolicy.parentMaySee(SignedInUser.parent(aunt.getId(), "Leila Haddad", "en"), link)).isFalse();
  }

  @Test
  void one_parent_cannot_see_another_familys_child_through_their_link() {
    Guardian mum = new Guardian("Mrs", "Amira", "Haddad");
    PupilGuardian link = new PupilGuardian(pupil, mum, "Mother", true, true, 1, true);
    assertThat(PupilAccessPolicy.parentMaySee(SignedInUser.parent(UUID.randomUUID(), "Someone else", "en"), link)).isFalse();
  }

  @Test
  void a_teacher_does_not_see_a_pupil_who_is_in_no_group() {
    assertThat(PupilAccessPolicy.staffMaySee(staff(school, StaffRole.TEACHER, Set.of(oak.getId())), pupil)).isFalse();
  }

  @Test
  void a_teacher_who_also_holds_a_whole_school_role_sees_every_pupil_of_that_school() {
    SignedInUser teacherAndSenco =
        new SignedInUser(
            SignedInUser.Kind.STAFF, UUID.randomUUID(), "Staff",
            Map.of(school.getId(), EnumSet.of(StaffRole.TEACHER, StaffRole.SENCO)), Set.of(), "en");
    assertThat(PupilAccessPolicy.staffMaySee(teacherAndSenco, pupil)).isTrue();
  }

  @Test
  void a_group_id_without_a_role_at_the_pupils_school_gives_no_access() {
    pupil.placeIn(oak);
    assertThat(PupilAccessPolicy.staffMaySee(staff(other, StaffRole.TEACHER, Set.of(oak.getId())), pupil)).isFalse();
  }

  @Test
  void a_parent_is_never_treated_as_staff_and_staff_never_as_a_parent() {
    Guardian mum = new Guardian("Mrs", "Amira", "Haddad");
    PupilGuardian link = new PupilGuardian(pupil, mum, "Mother", true, true, 1, true);
    assertThat(PupilAccessPolicy.staffMaySee(SignedInUser.parent(mum.getId(), "Amira Haddad", "ar"), pupil)).isFalse();
    SignedInUser staffWithTheSameId =
        new SignedInUser(
            SignedInUser.Kind.STAFF, mum.getId(), "Staff", Map.of(school.getId(), EnumSet.of(StaffRole.HEADTEACHER)), Set.of(), "en");
    assertThat(PupilAccessPolicy.parentMaySee(staffWithTheSameId, link)).isFalse();
  }

  @Test
  void lifting_a_no_contact_order_gives_the_parent_access_again() {
    Guardian dad = new Guardian("Mr", "Omar", "Haddad");
    PupilGuardian link = new PupilGuardian(pupil, dad, "Father", true, false, 2, false);
    SignedInUser omar = SignedInUser.parent(dad.getId(), "Omar Haddad", "en");
    link.restrictContact(true, "Court order 2025");
    assertThat(PupilAccessPolicy.parentMaySee(omar, link)).isFalse();
    link.restrictContact(false, null);
    assertThat(PupilAccessPolicy.parentMaySee(omar, link)).isTrue();
  }
}

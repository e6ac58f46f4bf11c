package org.schoolgate.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.schoolgate.platform.persistence.BaseEntity;
import org.schoolgate.platform.validation.InvalidInputException;

/** A pupil on a school's admission register, with the flags attendance work depends on. */
@Entity
@Table(name = "pupil")
public class Pupil extends BaseEntity {

  @ManyToOne(optional = false)
  @JoinColumn(name = "school_id")
  private School school;

  @Column(name = "upn", nullable = false)
  private String upn;

  @Column(name = "legal_first_name", nullable = false)
  private String legalFirstName;

  @Column(name = "legal_last_name", nullable = false)
  private String legalLastName;

  @Column(name = "preferred_first_name")
  private String preferredFirstName;

  @Column(name = "preferred_last_name")
  private String preferredLastName;

  @Column(name = "date_of_birth", nullable = false)
  private LocalDate dateOfBirth;

  @Column(name = "year_group", nullable = false)
  private int yearGroup;

  @ManyToOne
  @JoinColumn(name = "group_id")
  private TeachingGroup group;

  @Enumerated(EnumType.STRING)
  @Column(name = "gender", nullable = false)
  private Gender gender;

  @Enumerated(EnumType.STRING)
  @Column(name = "sen_status", nullable = false)
  private SenStatus senStatus = SenStatus.NONE;

  @Column(name = "pupil_premium", nullable = false)
  private boolean pupilPremium;

  @Column(name = "eal", nullable = false)
  private boolean eal;

  @Column(name = "looked_after", nullable = false)
  private boolean lookedAfter;

  @Column(name = "social_worker", nullable = false)
  private boolean socialWorker;

  @Column(name = "child_in_need", nullable = false)
  private boolean childInNeed;

  @Column(name = "child_protection", nullable = false)
  private boolean childProtection;

  @Column(name = "vulnerable_list", nullable = false)
  private boolean vulnerableList;

  /** A youth offending team worker is involved: they are told of unexplained absence (T-D1-V). */
  @Column(name = "yot_worker", nullable = false)
  private boolean yotWorker;

  /** When a medical note or the family says an ill pupil will be back (predictive T-SICK15). */
  @Column(name = "expected_illness_return")
  private LocalDate expectedIllnessReturn;

  @Column(name = "on_roll_from", nullable = false)
  private LocalDate onRollFrom;

  @Column(name = "on_roll_to")
  private LocalDate onRollTo;

  @Column(name = "dual_registered", nullable = false)
  private boolean dualRegistered;

  @Column(name = "medical_evidence_required", nullable = false)
  private boolean medicalEvidenceRequired;

  @Column(name = "medical_evidence_reason")
  private String medicalEvidenceReason;

  protected Pupil() {}

  public Pupil(
      School school,
      String upn,
      String legalFirstName,
      String legalLastName,
      LocalDate dateOfBirth,
      int yearGroup,
      Gender gender,
      LocalDate onRollFrom) {
    this.school = school;
    this.upn = validUpn(upn);
    rename(legalFirstName, legalLastName, null, null);
    if (dateOfBirth == null) {
      throw new InvalidInputException("dateOfBirth", "Date of birth is required");
    }
    if (yearGroup < -1 || yearGroup > 14) {
      throw new InvalidInputException("yearGroup", "Year group must be between Nursery (-1) and 14");
    }
    if (onRollFrom == null) {
      throw new InvalidInputException("onRollFrom", "The date the pupil joined the roll is required");
    }
    this.dateOfBirth = dateOfBirth;
    this.yearGroup = yearGroup;
    this.gender = gender;
    this.onRollFrom = onRollFrom;
  }

  /** A unique pupil number: a letter, 12 digits, or a temporary UPN ending in a letter. */
  static String validUpn(String upn) {
    String value = upn == null ? "" : upn.trim().toUpperCase(java.util.Locale.ROOT);
    if (!value.matches("[A-Z][0-9]{11}[0-9A-Z]")) {
      throw new InvalidInputException("upn", "UPN: \"" + (upn == null ? "" : upn.trim()) + "\" is not a 13-character UPN");
    }
    return value;
  }

  public void rename(String legalFirst, String legalLast, String preferredFirst, String preferredLast) {
    if (legalFirst == null || legalFirst.isBlank()) {
      throw new InvalidInputException("legalFirstName", "Legal first name is required");
    }
    if (legalLast == null || legalLast.isBlank()) {
      throw new InvalidInputException("legalLastName", "Legal last name is required");
    }
    this.legalFirstName = legalFirst.trim();
    this.legalLastName = legalLast.trim();
    this.preferredFirstName = blankToNull(preferredFirst);
    this.preferredLastName = blankToNull(preferredLast);
  }

  public void placeIn(TeachingGroup group) {
    this.group = group;
    if (group != null) {
      this.yearGroup = group.getYearGroup();
    }
  }

  public void changeNeeds(SenStatus senStatus, boolean pupilPremium, boolean eal) {
    this.senStatus = senStatus;
    this.pupilPremium = pupilPremium;
    this.eal = eal;
  }

  public void changeSafeguardingFlags(
      boolean lookedAfter, boolean socialWorker, boolean childInNeed, boolean childProtection, boolean vulnerableList) {
    this.lookedAfter = lookedAfter;
    this.socialWorker = socialWorker;
    this.childInNeed = childInNeed;
    this.childProtection = childProtection;
    this.vulnerableList = vulnerableList;
  }

  public void changeYouthOffendingWorker(boolean involved) {
    this.yotWorker = involved;
  }

  public void changeRoll(LocalDate from, LocalDate to, boolean dualRegistered) {
    if (from == null) {
      throw new InvalidInputException("onRollFrom", "The date the pupil joined the roll is required");
    }
    if (to != null && to.isBefore(from)) {
      throw new InvalidInputException("onRollTo", "A pupil cannot leave the roll before joining it");
    }
    this.onRollFrom = from;
    this.onRollTo = to;
    this.dualRegistered = dualRegistered;
  }

  /** Staff may require medical evidence for illness for this pupil, with a reason (decision 6). */
  public void requireMedicalEvidence(boolean required, String reason) {
    if (required && (reason == null || reason.isBlank())) {
      throw new InvalidInputException("medicalEvidenceReason", "Give a reason for requiring medical evidence");
    }
    this.medicalEvidenceRequired = required;
    this.medicalEvidenceReason = required ? reason.trim() : null;
  }

  /** Whether the pupil is on the admission register on this day. */
  public boolean isOnRoll(LocalDate date) {
    return !date.isBefore(onRollFrom) && (onRollTo == null || !date.isAfter(onRollTo));
  }

  /**
   * Whether this pupil is vulnerable for first-day contact and the morning board: a social worker,
   * child protection or child in need plan, looked after, or on the school's vulnerable list.
   */
  public boolean isVulnerable() {
    return socialWorker || childProtection || childInNeed || lookedAfter || vulnerableList;
  }

  /**
   * Whether graduated-response steps must never be automatic for this pupil (attendance rules
   * §5.1): EHCP or SEN support, child protection, child in need, or looked after.
   */
  public boolean needsHumanDecision() {
    return senStatus != SenStatus.NONE || childProtection || childInNeed || lookedAfter;
  }

  /** The name the pupil goes by: preferred first name if any, then last name. */
  public String displayName() {
    return preferredFirstName() + " " + (preferredLastName == null ? legalLastName : preferredLastName);
  }

  public String preferredFirstName() {
    return preferredFirstName == null ? legalFirstName : preferredFirstName;
  }

  public String legalFullName() {
    return legalFirstName + " " + legalLastName;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public School getSchool() {
    return school;
  }

  public String getUpn() {
    return upn;
  }

  public String getLegalFirstName() {
    return legalFirstName;
  }

  public String getLegalLastName() {
    return legalLastName;
  }

  public String getPreferredFirstName() {
    return preferredFirstName;
  }

  public String getPreferredLastName() {
    return preferredLastName;
  }

  public LocalDate getDateOfBirth() {
    return dateOfBirth;
  }

  public int getYearGroup() {
    return yearGroup;
  }

  public TeachingGroup getGroup() {
    return group;
  }

  public Gender getGender() {
    return gender;
  }

  public SenStatus getSenStatus() {
    return senStatus;
  }

  public boolean isPupilPremium() {
    return pupilPremium;
  }

  public boolean isEal() {
    return eal;
  }

  public boolean isLookedAfter() {
    return lookedAfter;
  }

  public boolean hasSocialWorker() {
    return socialWorker;
  }

  public boolean isChildInNeed() {
    return childInNeed;
  }

  public boolean isChildProtection() {
    return childProtection;
  }

  /** Records (or clears, with null) the date an ill pupil is expected back. */
  public void expectBackFromIllness(LocalDate date) {
    this.expectedIllnessReturn = date;
  }

  public LocalDate getExpectedIllnessReturn() {
    return expectedIllnessReturn;
  }

  public boolean hasYouthOffendingWorker() {
    return yotWorker;
  }

  public boolean isOnVulnerableList() {
    return vulnerableList;
  }

  public LocalDate getOnRollFrom() {
    return onRollFrom;
  }

  public LocalDate getOnRollTo() {
    return onRollTo;
  }

  public boolean isDualRegistered() {
    return dualRegistered;
  }

  public boolean isMedicalEvidenceRequired() {
    return medicalEvidenceRequired;
  }

  public String getMedicalEvidenceReason() {
    return medicalEvidenceReason;
  }
}

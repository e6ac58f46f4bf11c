package org.schoolgate.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.schoolgate.platform.persistence.BaseEntity;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * The link between a pupil and one of their guardians: who they are to the child, whether they hold
 * parental responsibility and live with the child, the order in which the school rings them, and
 * whether a court order or other reason means the school must not contact them about this child.
 */
@Entity
@Table(name = "pupil_guardian")
public class PupilGuardian extends BaseEntity {

  @ManyToOne(optional = false)
  @JoinColumn(name = "pupil_id")
  private Pupil pupil;

  @ManyToOne(optional = false)
  @JoinColumn(name = "guardian_id")
  private Guardian guardian;

  @Column(name = "relationship", nullable = false)
  private String relationship;

  @Column(name = "parental_responsibility", nullable = false)
  private boolean parentalResponsibility;

  @Column(name = "lives_with_pupil", nullable = false)
  private boolean livesWithPupil;

  @Column(name = "contact_priority", nullable = false)
  private int contactPriority;

  @Column(name = "flagged_for_correspondence", nullable = false)
  private boolean flaggedForCorrespondence;

  @Column(name = "no_contact", nullable = false)
  private boolean noContact;

  @Column(name = "no_contact_reason")
  private String noContactReason;

  protected PupilGuardian() {}

  public PupilGuardian(
      Pupil pupil,
      Guardian guardian,
      String relationship,
      boolean parentalResponsibility,
      boolean livesWithPupil,
      int contactPriority,
      boolean flaggedForCorrespondence) {
    this.pupil = pupil;
    this.guardian = guardian;
    this.relationship = relationship == null || relationship.isBlank() ? "Parent" : relationship.trim();
    this.parentalResponsibility = parentalResponsibility;
    this.livesWithPupil = livesWithPupil;
    changePriority(contactPriority);
    this.flaggedForCorrespondence = flaggedForCorrespondence;
  }

  public void changePriority(int priority) {
    if (priority < 1 || priority > 4) {
      throw new InvalidInputException("contactPriority", "Contact priority must be 1, 2, 3 or 4");
    }
    this.contactPriority = priority;
  }

  /** Records a no-contact order (court order or safeguarding decision); it removes portal access. */
  public void restrictContact(boolean noContact, String reason) {
    if (noContact && (reason == null || reason.isBlank())) {
      throw new InvalidInputException("noContactReason", "Give the reason for stopping contact");
    }
    this.noContact = noContact;
    this.noContactReason = noContact ? reason.trim() : null;
  }

  /** Whether this guardian may see the child in the portal and receive messages about them. */
  public boolean mayAccessChild() {
    return parentalResponsibility && !noContact;
  }

  public Pupil getPupil() {
    return pupil;
  }

  public Guardian getGuardian() {
    return guardian;
  }

  public String getRelationship() {
    return relationship;
  }

  public boolean hasParentalResponsibility() {
    return parentalResponsibility;
  }

  public boolean livesWithPupil() {
    return livesWithPupil;
  }

  public int getContactPriority() {
    return contactPriority;
  }

  public boolean isFlaggedForCorrespondence() {
    return flaggedForCorrespondence;
  }

  public boolean isNoContact() {
    return noContact;
  }

  public String getNoContactReason() {
    return noContactReason;
  }
}

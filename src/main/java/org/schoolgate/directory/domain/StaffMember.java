package org.schoolgate.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.schoolgate.platform.persistence.BaseEntity;

/** A member of staff in the trust. Their sign-in and roles live in identity. */
@Entity
@Table(name = "staff_member")
public class StaffMember extends BaseEntity {

  @ManyToOne(optional = false)
  @JoinColumn(name = "trust_id")
  private Trust trust;

  @Column(name = "title")
  private String title;

  @Column(name = "first_name", nullable = false)
  private String firstName;

  @Column(name = "last_name", nullable = false)
  private String lastName;

  @Column(name = "email")
  private String email;

  @Column(name = "job_title")
  private String jobTitle;

  protected StaffMember() {}

  public StaffMember(Trust trust, String title, String firstName, String lastName, EmailAddress email, String jobTitle) {
    this.trust = trust;
    this.title = title;
    this.firstName = firstName;
    this.lastName = lastName;
    this.email = email == null ? null : email.value();
    this.jobTitle = jobTitle;
  }

  public Trust getTrust() {
    return trust;
  }

  public String getTitle() {
    return title;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public String getEmail() {
    return email;
  }

  public String getJobTitle() {
    return jobTitle;
  }

  public String fullName() {
    return firstName + " " + lastName;
  }

  /** "Mrs Khan", as a parent would address them. */
  public String formalName() {
    return (title == null || title.isBlank() ? firstName : title) + " " + lastName;
  }
}

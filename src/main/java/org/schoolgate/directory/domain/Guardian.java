package org.schoolgate.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.schoolgate.platform.persistence.BaseEntity;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * A parent or carer. One guardian may be linked to several pupils (siblings share guardians, also
 * across schools of the trust); the link holds relationship, responsibility and contact priority.
 */
@Entity
@Table(name = "guardian")
public class Guardian extends BaseEntity {

  @Column(name = "title")
  private String title;

  @Column(name = "first_name", nullable = false)
  private String firstName;

  @Column(name = "last_name", nullable = false)
  private String lastName;

  @Column(name = "mobile")
  private String mobile;

  @Column(name = "landline")
  private String landline;

  @Column(name = "email")
  private String email;

  @Column(name = "address_line1")
  private String addressLine1;

  @Column(name = "address_line2")
  private String addressLine2;

  @Column(name = "address_town")
  private String addressTown;

  @Column(name = "address_postcode")
  private String addressPostcode;

  @Column(name = "preferred_language", nullable = false)
  private String preferredLanguage = "en";

  @Enumerated(EnumType.STRING)
  @Column(name = "preferred_channel", nullable = false)
  private ContactChannel preferredChannel = ContactChannel.SMS;

  @Column(name = "sms_opt_out", nullable = false)
  private boolean smsOptOut;

  protected Guardian() {}

  public Guardian(String title, String firstName, String lastName) {
    rename(title, firstName, lastName);
  }

  public void rename(String title, String firstName, String lastName) {
    if (firstName == null || firstName.isBlank()) {
      throw new InvalidInputException("firstName", "First name is required");
    }
    if (lastName == null || lastName.isBlank()) {
      throw new InvalidInputException("lastName", "Last name is required");
    }
    this.title = title == null || title.isBlank() ? null : title.trim();
    this.firstName = firstName.trim();
    this.lastName = lastName.trim();
  }

  /** Sets phone numbers and email; a malformed value is refused with the field named. */
  public void changeContactDetails(Optional<PhoneNumber> mobile, Optional<PhoneNumber> landline, Optional<EmailAddress> email) {
    this.mobile = mobile.map(PhoneNumber::e164).orElse(null);
    this.landline = landline.map(PhoneNumber::e164).orElse(null);
    this.email = email.map(EmailAddress::value).orElse(null);
  }

  public void changeAddress(PostalAddress address) {
    this.addressLine1 = address == null ? null : address.line1();
    this.addressLine2 = address == null ? null : address.line2();
    this.addressTown = address == null ? null : address.town();
    this.addressPostcode = address == null ? null : address.postcode();
  }

  public void changePreferences(Language language, ContactChannel channel) {
    this.preferredLanguage = language.code();
    this.preferredChannel = channel;
  }

  public void optOutOfSms(boolean optOut) {
    this.smsOptOut = optOut;
  }

  public Optional<PhoneNumber> mobile() {
    return Optional.ofNullable(mobile).map(PhoneNumber::new);
  }

  public Optional<PhoneNumber> landline() {
    return Optional.ofNullable(landline).map(PhoneNumber::new);
  }

  public Optional<EmailAddress> email() {
    return Optional.ofNullable(email).map(EmailAddress::new);
  }

  public Optional<PostalAddress> address() {
    return addressLine1 == null
        ? Optional.empty()
        : Optional.of(new PostalAddress(addressLine1, addressLine2, addressTown, addressPostcode));
  }

  public Language language() {
    return Language.ofCode(preferredLanguage);
  }

  public ContactChannel getPreferredChannel() {
    return preferredChannel;
  }

  public boolean isSmsOptOut() {
    return smsOptOut;
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

  public String fullName() {
    return firstName + " " + lastName;
  }

  /** "Mrs Ahmed", or the full name when no title is recorded. */
  public String formalName() {
    return title == null ? fullName() : title + " " + lastName;
  }

  /** The phone numbers we hold, mobile first. */
  public List<PhoneNumber> phoneNumbers() {
    List<PhoneNumber> numbers = new ArrayList<>();
    mobile().ifPresent(numbers::add);
    landline().ifPresent(numbers::add);
    return numbers;
  }
}

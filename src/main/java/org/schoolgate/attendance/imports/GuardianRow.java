package org.schoolgate.attendance.imports;

import org.schoolgate.directory.domain.ContactChannel;
import org.schoolgate.directory.domain.EmailAddress;
import org.schoolgate.directory.domain.Language;
import org.schoolgate.directory.domain.PhoneNumber;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * One guardian of a guardians file and their link to one pupil (by UPN): relationship, parental
 * responsibility, whether they live with the pupil and the order the school rings them (1 to 4).
 * A guardian of several pupils appears once for each pupil. Contact values, language and channel
 * left blank keep what Schoolgate holds (null here).
 */
public record GuardianRow(
    long line,
    String upn,
    String title,
    String firstName,
    String lastName,
    String mobile,
    String landline,
    String email,
    String relationship,
    boolean parentalResponsibility,
    boolean livesWithPupil,
    int contactPriority,
    String language,
    ContactChannel preferredChannel) {

  /** The guardian, or null when the row has problems (each added to {@code problems}). */
  public static GuardianRow parse(ImportRow row, ImportProblems problems) {
    RowValues v = new RowValues(row, problems);
    String upn = v.upn();
    String title = v.text("title", 20);
    String first = v.required("first_name", 100);
    String last = v.required("last_name", 100);
    String mobile = phone(v, row, "mobile");
    String landline = phone(v, row, "landline");
    String email = null;
    try {
      email = EmailAddress.parseOptional("email", row.get("email")).map(EmailAddress::value).orElse(null);
    } catch (InvalidInputException e) {
      v.problem(e.getMessage());
    }
    String relationship = v.required("relationship", 30);
    Boolean pr = v.yesNo("parental_responsibility", true);
    Boolean lives = v.yesNo("lives_with_pupil", true);
    Integer priority = v.integer("contact_priority", 1, 4, true);
    String language = row.get("language") == null ? null : Language.ofCode(row.get("language")).code();
    ContactChannel channel = v.choice("preferred_channel", ContactChannel.class, false);
    if (!v.ok()) {
      return null;
    }
    return new GuardianRow(
        row.line(), upn, title, first, last, mobile, landline, email, relationship, pr, lives, priority, language, channel);
  }

  private static String phone(RowValues v, ImportRow row, String column) {
    try {
      return PhoneNumber.parseOptional(column, row.get(column)).map(PhoneNumber::e164).orElse(null);
    } catch (InvalidInputException e) {
      v.problem(e.getMessage());
      return null;
    }
  }
}

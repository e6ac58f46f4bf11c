package org.schoolgate.directory.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.schoolgate.platform.validation.InvalidInputException;

/** An email address, trimmed and with its domain in lower case. */
public record EmailAddress(String value) {

  // Deliberately practical: one @, a dotted domain, no spaces. Real delivery is the real test.
  private static final Pattern SHAPE =
      Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

  public EmailAddress {
    if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("not an email address");
    }
  }

  /** Parses what a person typed, naming the field in the message when it is not an address. */
  public static EmailAddress parse(String field, String typed) {
    if (typed == null || typed.isBlank()) {
      throw new InvalidInputException(field, field + ": an email address is required");
    }
    String trimmed = typed.trim();
    int at = trimmed.lastIndexOf('@');
    String normalised =
        at < 0 ? trimmed : trimmed.substring(0, at) + trimmed.substring(at).toLowerCase(Locale.ROOT);
    if (normalised.length() > 254 || !SHAPE.matcher(normalised).matches()) {
      throw new InvalidInputException(field, field + ": \"" + trimmed + "\" is not a valid email address");
    }
    return new EmailAddress(normalised);
  }

  public static Optional<EmailAddress> parseOptional(String field, String typed) {
    return typed == null || typed.isBlank() ? Optional.empty() : Optional.of(parse(field, typed));
  }

  @Override
  public String toString() {
    return value;
  }
}

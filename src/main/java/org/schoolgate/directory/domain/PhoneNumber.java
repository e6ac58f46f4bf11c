package org.schoolgate.directory.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.Optional;
import org.schoolgate.platform.validation.InvalidInputException;

/** A telephone number in E.164 form (+447700900123), parsed as a UK number unless it says otherwise. */
public record PhoneNumber(String e164) {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  public PhoneNumber {
    if (e164 == null || !e164.matches("\\+[1-9][0-9]{6,14}")) {
      throw new IllegalArgumentException("not an E.164 number");
    }
  }

  /**
   * Parses what a person typed ("07911 123456", "+44 7911 123456", "0161 496 0000").
   *
   * @param field the field name used in the error message
   * @throws InvalidInputException naming the field when the number is not a valid number
   */
  public static PhoneNumber parse(String field, String typed) {
    if (typed == null || typed.isBlank()) {
      throw new InvalidInputException(field, field + ": a phone number is required");
    }
    if (!typed.matches("[0-9\\s()+.\\-]+")) {
      // libphonenumber would read letters as keypad digits and turn a typing slip into someone else's number.
      throw new InvalidInputException(field, field + ": \"" + typed.trim() + "\" is not a phone number (use digits only)");
    }
    try {
      var number = UTIL.parse(typed.trim(), "GB");
      if (!UTIL.isValidNumber(number)) {
        throw new InvalidInputException(field, field + ": \"" + typed.trim() + "\" is not a valid phone number");
      }
      return new PhoneNumber(UTIL.format(number, PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      throw new InvalidInputException(field, field + ": \"" + typed.trim() + "\" is not a phone number");
    }
  }

  /** Parses an optional number: blank gives empty. */
  public static Optional<PhoneNumber> parseOptional(String field, String typed) {
    return typed == null || typed.isBlank() ? Optional.empty() : Optional.of(parse(field, typed));
  }

  /** Whether text a caller gives could be a phone number rather than a name. */
  public static boolean looksLikeNumber(String text) {
    return text != null && text.replaceAll("[\\s()+-]", "").matches("[0-9]{6,15}");
  }

  /** Whether this number can receive text messages (a mobile, as far as the numbering plan says). */
  public boolean isMobile() {
    try {
      var type = UTIL.getNumberType(UTIL.parse(e164, "GB"));
      return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
    } catch (NumberParseException e) {
      return false;
    }
  }

  /** The number as people in the UK write it: "07911 123456". */
  public String display() {
    try {
      var number = UTIL.parse(e164, "GB");
      return number.getCountryCode() == 44
          ? UTIL.format(number, PhoneNumberFormat.NATIONAL)
          : UTIL.format(number, PhoneNumberFormat.INTERNATIONAL);
    } catch (NumberParseException e) {
      return e164;
    }
  }

  @Override
  public String toString() {
    return e164;
  }
}

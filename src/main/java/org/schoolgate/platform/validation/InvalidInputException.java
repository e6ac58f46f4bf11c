package org.schoolgate.platform.validation;

/**
 * Input a person typed or a file supplied breaks a rule. Carries the field it concerns, so the UI
 * can mark the field and the REST API can name it; the message is written for the person reading it.
 */
public class InvalidInputException extends RuntimeException {

  private final String field;

  public InvalidInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field (form field, column or JSON property) the problem concerns. */
  public String field() {
    return field;
  }
}

package org.schoolgate.platform.validation;

/** The signed-in person is not allowed to do this. */
public class AccessDeniedException extends RuntimeException {
  public AccessDeniedException(String message) {
    super(message);
  }
}

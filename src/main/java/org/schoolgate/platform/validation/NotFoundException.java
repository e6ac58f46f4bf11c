package org.schoolgate.platform.validation;

/**
 * A record does not exist, or the signed-in person may not see it. The two are deliberately not
 * told apart, so ids cannot be probed.
 */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String what) {
    super(what + " not found");
  }
}

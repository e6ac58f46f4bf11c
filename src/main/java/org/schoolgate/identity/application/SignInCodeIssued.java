package org.schoolgate.identity.application;

import java.util.UUID;

/**
 * A parent asked for a sign-in code and we know them: messaging sends {@code code} to
 * {@code destination} (an E.164 mobile or an email address) in the guardian's language; the code
 * works for {@code validityMinutes}.
 */
public record SignInCodeIssued(
    UUID guardianId, Channel channel, String destination, String code, String language, int validityMinutes) {

  public enum Channel {
    SMS,
    EMAIL
  }

  @Override
  public String toString() {
    return "SignInCodeIssued[guardian=" + guardianId + ", channel=" + channel + "]";
  }
}

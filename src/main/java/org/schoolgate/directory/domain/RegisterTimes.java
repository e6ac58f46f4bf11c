package org.schoolgate.directory.domain;

import java.time.LocalTime;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * When each statutory register opens and closes, and when each session ends. The register closes
 * {@code closeAfterMinutes} after it opens, the same for both sessions, and never more than 30
 * minutes (attendance rules R1.2).
 */
public record RegisterTimes(
    LocalTime amOpen, LocalTime pmOpen, int closeAfterMinutes, LocalTime amEnd, LocalTime pmEnd) {

  public void validate() {
    if (amOpen == null || pmOpen == null || amEnd == null || pmEnd == null) {
      throw new InvalidInputException("registerTimes", "Every register time must be given");
    }
    if (closeAfterMinutes > School.MAX_REGISTER_OPEN_MINUTES) {
      throw new InvalidInputException(
          "closeAfterMinutes", "The register open time may not exceed 30 minutes");
    }
    if (closeAfterMinutes < 1) {
      throw new InvalidInputException(
          "closeAfterMinutes", "The register must stay open for at least one minute");
    }
    if (!amEnd.isAfter(amClose())) {
      throw new InvalidInputException("amEnd", "The morning session must end after its register closes");
    }
    if (!pmOpen.isAfter(amEnd.minusMinutes(1))) {
      throw new InvalidInputException("pmOpen", "The afternoon register opens after the morning session ends");
    }
    if (!pmEnd.isAfter(pmClose())) {
      throw new InvalidInputException("pmEnd", "The afternoon session must end after its register closes");
    }
  }

  /** Builds times from an open and a close time, refusing a window longer than 30 minutes. */
  public static RegisterTimes ofWindow(
      LocalTime amOpen, LocalTime amClose, LocalTime pmOpen, LocalTime amEnd, LocalTime pmEnd) {
    java.time.Duration window = java.time.Duration.between(amOpen, amClose);
    if (window.toSecondsPart() != 0 || window.toNanosPart() != 0) {
      throw new InvalidInputException(
          "amClose", "The register closes a whole number of minutes after it opens (at most 30 minutes)");
    }
    long minutes = window.toMinutes();
    RegisterTimes times = new RegisterTimes(amOpen, pmOpen, (int) minutes, amEnd, pmEnd);
    times.validate();
    return times;
  }

  public LocalTime amClose() {
    return amOpen.plusMinutes(closeAfterMinutes);
  }

  public LocalTime pmClose() {
    return pmOpen.plusMinutes(closeAfterMinutes);
  }

  public LocalTime open(Session session) {
    return session == Session.AM ? amOpen : pmOpen;
  }

  public LocalTime close(Session session) {
    return session == Session.AM ? amClose() : pmClose();
  }

  public LocalTime end(Session session) {
    return session == Session.AM ? amEnd : pmEnd;
  }
}

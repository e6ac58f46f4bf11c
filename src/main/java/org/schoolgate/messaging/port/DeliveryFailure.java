package org.schoolgate.messaging.port;

/** A provider did not take a message. {@code retryable} says whether trying again could work. */
public class DeliveryFailure extends RuntimeException {

  private final boolean retryable;

  public DeliveryFailure(String reason, boolean retryable, Throwable cause) {
    super(reason, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}

package org.schoolgate.messaging.domain;

/**
 * The one status vocabulary for every outbound message, whatever its channel or provider. Each
 * provider adapter maps its own codes onto these; staff screens and the communication log only
 * ever show these.
 */
public enum DeliveryStatus {
  /** Saved and waiting for the dispatcher (or for quiet hours or a scheduled time to pass). */
  CREATED("Waiting to send"),
  /** Handed to the provider, or being handed; no receipt yet. */
  SENDING("Sending"),
  /** Accepted by the provider (for email: the mail server took it; for letters: in a print batch). */
  SENT("Sent"),
  /** The provider confirmed delivery to the handset or inbox. */
  DELIVERED("Delivered"),
  /** Could not be delivered for now (phone off, provider busy); tried again later. */
  TEMPORARY_FAILURE("Not delivered yet"),
  /** Will never be delivered to this destination (invalid number, unknown address). */
  PERMANENT_FAILURE("Could not be delivered"),
  /** Our side or the provider's failed; retries ran out or the provider refused the request. */
  TECHNICAL_FAILURE("Failed to send"),
  /** Stopped by staff before it was sent (a cancelled bulk send, a message a person decided against). */
  CANCELLED("Cancelled, not sent");

  private final String label;

  DeliveryStatus(String label) {
    this.label = label;
  }

  /** What staff and parents read. */
  public String label() {
    return label;
  }

  /** No later status is expected (a late receipt may still move SENT to DELIVERED). */
  public boolean isFinal() {
    return this == DELIVERED || this == PERMANENT_FAILURE || this == TECHNICAL_FAILURE || this == CANCELLED;
  }

  public boolean isFailure() {
    return this == TEMPORARY_FAILURE || this == PERMANENT_FAILURE || this == TECHNICAL_FAILURE;
  }

  /**
   * Whether a receipt may move a message from this status to {@code next}. Receipts can arrive out
   * of order (Twilio may post "sent" after "delivered"); a message never moves backwards.
   */
  public boolean mayMoveTo(DeliveryStatus next) {
    if (next == this) {
      return false;
    }
    if (this == DELIVERED || this == PERMANENT_FAILURE || this == CANCELLED) {
      return false;
    }
    return rank(next) >= rank(this) || next.isFailure();
  }

  private static int rank(DeliveryStatus s) {
    return switch (s) {
      case CREATED -> 0;
      case SENDING -> 1;
      case SENT, TEMPORARY_FAILURE -> 2;
      case DELIVERED, PERMANENT_FAILURE, TECHNICAL_FAILURE, CANCELLED -> 3;
    };
  }
}

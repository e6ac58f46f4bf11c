package org.schoolgate.messaging.port;

/**
 * A provider did not take a message, or we cannot tell whether it did. The kind decides what the
 * dispatcher does next: try again later, give up with the reason shown to staff, or stop and ask a
 * person (never a silent resend).
 */
public class DeliveryFailure extends RuntimeException {

  /** What the failure means for the message. */
  public enum Kind {
    /** Nothing was accepted and trying again may work (rate limit, 5xx, connection refused). */
    RETRYABLE,
    /** The provider will never accept this message for this destination (invalid number). */
    PERMANENT,
    /** The request may have been accepted (timeout after sending): a person must decide. */
    OUTCOME_UNKNOWN
  }

  private final Kind kind;
  private final String providerCode;

  public DeliveryFailure(String reason, Kind kind, String providerCode, Throwable cause) {
    super(reason, cause);
    this.kind = kind;
    this.providerCode = providerCode;
  }

  public DeliveryFailure(String reason, boolean retryable, Throwable cause) {
    this(reason, retryable ? Kind.RETRYABLE : Kind.PERMANENT, null, cause);
  }

  public Kind kind() {
    return kind;
  }

  public boolean retryable() {
    return kind == Kind.RETRYABLE;
  }

  /** The provider's own error code (Twilio's 21211, an SMTP reply code), for support staff. */
  public String providerCode() {
    return providerCode;
  }
}

package org.schoolgate.messaging.port;

/**
 * A text message ready for a provider: an E.164 number, the final text, and where the provider
 * should post delivery receipts for this one message (null: no receipts wanted).
 */
public record SmsToSend(String toE164, String body, String statusCallbackUrl) {

  public SmsToSend(String toE164, String body) {
    this(toE164, body, null);
  }
}

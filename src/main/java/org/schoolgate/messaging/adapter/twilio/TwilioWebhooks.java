package org.schoolgate.messaging.adapter.twilio;

import com.twilio.security.RequestValidator;
import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.messaging.Body;
import java.util.Map;
import java.util.Objects;
import org.schoolgate.messaging.port.InboundSms;
import org.schoolgate.messaging.port.ProviderReceipt;

/**
 * What Twilio posts to us: delivery receipts ("status callbacks") and texts parents send to the
 * school's number. A web resource passes the form fields here; this class checks Twilio's signature
 * and reads the fields into our records. It keeps no state and may be shared.
 */
@jakarta.enterprise.inject.Vetoed
public class TwilioWebhooks {

  private RequestValidator validator;

  /** For CDI proxies only. */
  protected TwilioWebhooks() {}

  /** @param authToken the auth token of the Twilio account that signs the requests */
  public TwilioWebhooks(String authToken) {
    this.validator = new RequestValidator(Objects.requireNonNull(authToken, "authToken"));
  }

  /**
   * Whether a request really comes from Twilio.
   *
   * @param publicUrl the full URL Twilio was given, built from the configured public address
   *     (https://schoolgate.example.sch.uk/...), with any query string; not the URL the request
   *     arrived on behind a proxy, which Twilio did not sign
   * @param formParams the posted form fields, exactly as received
   * @param signatureHeader the X-Twilio-Signature header; null or blank is refused
   */
  public boolean isGenuine(String publicUrl, Map<String, String> formParams, String signatureHeader) {
    if (publicUrl == null || signatureHeader == null || signatureHeader.isBlank()) {
      return false;
    }
    return validator.validate(publicUrl, formParams == null ? Map.of() : formParams, signatureHeader);
  }

  /**
   * The receipt in a status callback (MessageSid, MessageStatus, ErrorCode).
   *
   * @throws IllegalArgumentException when the callback names no message or no status
   */
  public ProviderReceipt receiptOf(Map<String, String> params) {
    String sid = params.get("MessageSid");
    String status = params.get("MessageStatus");
    if (sid == null || sid.isBlank() || status == null || status.isBlank()) {
      throw new IllegalArgumentException("A Twilio status callback must have a MessageSid and a MessageStatus");
    }
    return TwilioStatuses.receipt(sid, status, params.get("ErrorCode"));
  }

  /**
   * A text a parent sent to the school (MessageSid, From, To, Body).
   *
   * @throws IllegalArgumentException when the request names no message or no sender
   */
  public InboundSms inboundOf(Map<String, String> params) {
    String sid = params.get("MessageSid");
    String from = params.get("From");
    if (sid == null || sid.isBlank() || from == null || from.isBlank()) {
      throw new IllegalArgumentException("A Twilio incoming text must have a MessageSid and a From number");
    }
    String body = params.getOrDefault("Body", "");
    return new InboundSms(sid, from, params.get("To"), body, InboundSms.Keyword.of(body));
  }

  /**
   * The TwiML answer to an incoming text: a reply to the sender, or nothing (an empty
   * {@code <Response/>}, which tells Twilio not to reply).
   */
  public String twiml(String replyOrNull) {
    MessagingResponse.Builder response = new MessagingResponse.Builder();
    if (replyOrNull != null && !replyOrNull.isBlank()) {
      response.message(new com.twilio.twiml.messaging.Message.Builder().body(new Body.Builder(replyOrNull).build()).build());
    }
    try {
      return response.build().toXml();
    } catch (TwiMLException e) {
      throw new IllegalStateException("Could not write the answer to Twilio", e);
    }
  }
}

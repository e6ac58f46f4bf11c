package org.schoolgate.messaging.adapter.twilio;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.schoolgate.messaging.port.DeliveryFailure;
import org.schoolgate.messaging.port.ProviderReceipt;
import org.schoolgate.messaging.port.SmsGateway;
import org.schoolgate.messaging.port.SmsToSend;

/**
 * Sends texts through Twilio's Messages API, one HTTP request per text, and returns Twilio's
 * Message SID ("SM...") as the reference that delivery receipts carry. Failures come back as
 * {@link DeliveryFailure} in our words (docs/sms-twilio.md has the table). Logs carry message SIDs
 * and error codes only, never numbers or text.
 */
@jakarta.enterprise.inject.Vetoed
public class TwilioSmsGateway implements SmsGateway {

  private static final Logger LOG = Logger.getLogger(TwilioSmsGateway.class.getName());

  private TwilioRestClient client;
  private String fromNumber;
  private String messagingServiceSid;

  /** For CDI proxies only. */
  protected TwilioSmsGateway() {}

  /**
   * @param client from {@link TwilioClients#create}, shared by all sends
   * @param sender where texts come from: a Messaging Service SID ("MG...", Twilio then picks the
   *     number) or the school's Twilio number in E.164 form ("+447700900123")
   */
  public TwilioSmsGateway(TwilioRestClient client, String sender) {
    this.client = Objects.requireNonNull(client, "client");
    if (sender == null || sender.isBlank()) {
      throw new IllegalArgumentException("A Twilio sender is needed: the school's Twilio number or a Messaging Service SID (MG...)");
    }
    String s = sender.trim();
    if (s.startsWith("MG")) {
      this.messagingServiceSid = s;
    } else if (s.matches("\\+[1-9][0-9]{6,14}")) {
      this.fromNumber = s;
    } else {
      throw new IllegalArgumentException("The Twilio sender must be a number like +447700900123 or a Messaging Service SID (MG...)");
    }
  }

  @Override
  public String send(SmsToSend sms) {
    PhoneNumber to = new PhoneNumber(sms.toE164());
    MessageCreator creator = messagingServiceSid != null
        ? Message.creator(to, messagingServiceSid, sms.body())
        : Message.creator(to, new PhoneNumber(fromNumber), sms.body());
    if (sms.statusCallbackUrl() != null) {
      creator.setStatusCallback(sms.statusCallbackUrl());
    }
    Message message;
    try {
      message = creator.create(client);
    } catch (TwilioException e) {
      DeliveryFailure failure = TwilioErrors.failureOf(e, sms.toE164());
      log(failure);
      throw failure;
    }
    if (message == null || message.getSid() == null || message.getSid().isBlank()) {
      LOG.warning("Twilio accepted a text without giving its message SID");
      throw new DeliveryFailure("Twilio answered without a message reference; the text may have been sent",
          DeliveryFailure.Kind.OUTCOME_UNKNOWN, null, null);
    }
    LOG.fine(() -> "Twilio accepted text " + message.getSid());
    return message.getSid();
  }

  /** Fetches the message from Twilio; empty when Twilio does not know it or cannot be asked. */
  @Override
  public Optional<ProviderReceipt> lookUp(String reference) {
    if (reference == null || reference.isBlank()) {
      return Optional.empty();
    }
    try {
      Message message = Message.fetcher(reference).fetch(client);
      String status = message.getStatus() == null ? null : message.getStatus().toString();
      String code = message.getErrorCode() == null ? null : message.getErrorCode().toString();
      return Optional.of(TwilioStatuses.receipt(reference, status, code));
    } catch (ApiException e) {
      Integer http = e.getStatusCode();
      LOG.log(http != null && http == 404 ? Level.INFO : Level.WARNING,
          () -> "Could not look up text " + reference + " at Twilio (" + (http != null ? "HTTP " + http : "no answer")
              + (e.getCode() != null ? ", Twilio error " + e.getCode() : "") + ")");
      return Optional.empty();
    } catch (TwilioException e) {
      LOG.warning(() -> "Could not look up text " + reference + " at Twilio (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
  }

  private static void log(DeliveryFailure failure) {
    String code = failure.providerCode() == null ? "" : ", code " + failure.providerCode();
    switch (failure.kind()) {
      case OUTCOME_UNKNOWN -> LOG.warning(() -> "A text may or may not have reached Twilio" + code);
      case RETRYABLE -> {
        if (failure.providerCode() != null && TwilioErrors.isSetupProblem(failure.providerCode())) {
          LOG.severe(() -> "Twilio refused the school's Twilio set-up" + code + "; texts are held back and tried again");
        } else {
          LOG.fine(() -> "Twilio did not take a text for now" + code);
        }
      }
      case PERMANENT -> LOG.fine(() -> "Twilio refused a text for good" + code);
    }
  }
}

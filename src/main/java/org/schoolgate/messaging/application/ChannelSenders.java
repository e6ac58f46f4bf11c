package org.schoolgate.messaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schoolgate.messaging.application.OutboxDispatcher.Sent;
import org.schoolgate.messaging.application.OutboxStore.Claimed;
import org.schoolgate.messaging.domain.DeliveryStatus;
import org.schoolgate.messaging.port.EmailGateway;
import org.schoolgate.messaging.port.EmailToSend;
import org.schoolgate.messaging.port.SmsGateway;
import org.schoolgate.messaging.port.SmsToSend;

/**
 * Hands one claimed message to its channel, outside any database transaction: texts to the SMS
 * provider with a status callback for this message, emails to the mail server (a letter's PDF
 * attached when the email carries one), letters to the print queue as PDFs, portal messages
 * straight to the parent's message list.
 */
@ApplicationScoped
public class ChannelSenders {

  private SmsGateway sms;
  private EmailGateway email;
  private Letters letters;
  private Gateways gateways;
  private String publicUrl;

  protected ChannelSenders() {}

  @Inject
  public ChannelSenders(
      SmsGateway sms,
      EmailGateway email,
      Letters letters,
      Gateways gateways,
      @ConfigProperty(name = "schoolgate.public-url", defaultValue = "http://localhost:8080") String publicUrl) {
    this.sms = sms;
    this.email = email;
    this.letters = letters;
    this.gateways = gateways;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /**
   * A text is "sending" once the provider has it, until its delivery receipt arrives; the demo's
   * outbox holds it at once, so there it counts as delivered.
   */
  Sent sms(Claimed m) {
    String reference = sms.send(new SmsToSend(m.destination(), m.body(), statusCallbackUrl(m)));
    return gateways.smsIsSimulated()
        ? new Sent(reference, DeliveryStatus.DELIVERED, "Held in the dev outbox")
        : new Sent(reference, DeliveryStatus.SENDING, "Accepted by the SMS provider");
  }

  /** An email counts as sent once the mail server accepts it. */
  Sent email(Claimed m) {
    List<EmailToSend.Attachment> attachments =
        m.attachmentMessageId() == null ? List.of() : List.of(letters.attachmentOf(m.attachmentMessageId()));
    String reference = email.send(new EmailToSend(m.destination(), m.subject(), m.body(), m.htmlBody(), attachments, m.id().toString()));
    return new Sent(reference, DeliveryStatus.SENT, "Accepted by the mail server");
  }

  /** A letter is sent once its PDF is ready in the print queue. */
  Sent letter(Claimed m) {
    int pages = letters.produce(m);
    return new Sent("letter-" + m.id(), DeliveryStatus.SENT, "Ready to print (" + pages + (pages == 1 ? " page)" : " pages)"));
  }

  /** A portal message is delivered as soon as it is in the parent's message list. */
  Sent inApp(Claimed m) {
    return new Sent("app-" + m.id(), DeliveryStatus.DELIVERED, "In the parent's messages in the portal");
  }

  /** Where the provider reports this one message's fate; our id in the path matches it even before its reference is stored. */
  String statusCallbackUrl(Claimed m) {
    return publicUrl + "/api/v1/webhooks/twilio/status/" + m.id();
  }
}

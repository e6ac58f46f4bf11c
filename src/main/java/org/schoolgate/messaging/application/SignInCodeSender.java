package org.schoolgate.messaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Logger;
import org.schoolgate.identity.application.SignInCodeIssued;
import org.schoolgate.messaging.port.DeliveryFailure;
import org.schoolgate.messaging.port.EmailGateway;
import org.schoolgate.messaging.port.EmailToSend;
import org.schoolgate.messaging.port.SmsGateway;
import org.schoolgate.messaging.port.SmsToSend;
import org.schoolgate.messaging.template.MessageTemplate;

/**
 * Sends a parent's sign-in code straight away, in their language. Codes are time-critical and
 * worthless after ten minutes, so they skip the outbox queue used for other messages.
 */
@ApplicationScoped
public class SignInCodeSender {

  private static final Logger LOG = Logger.getLogger(SignInCodeSender.class.getName());

  private static final MessageTemplate TEMPLATE = MessageTemplate.load("sign-in-code");

  private SmsGateway sms;
  private EmailGateway email;

  protected SignInCodeSender() {}

  @Inject
  public SignInCodeSender(SmsGateway sms, EmailGateway email) {
    this.sms = sms;
    this.email = email;
  }

  void send(@Observes SignInCodeIssued issued) {
    String language = TEMPLATE.languages().contains(issued.language()) ? issued.language() : "en";
    Map<String, String> values = Map.of("code", issued.code(), "minutes", String.valueOf(issued.validityMinutes()));
    try {
      if (issued.channel() == SignInCodeIssued.Channel.SMS) {
        sms.send(new SmsToSend(issued.destination(), TEMPLATE.render("sms", language, values)));
      } else {
        email.send(
            new EmailToSend(
                issued.destination(),
                TEMPLATE.render("email.subject", language, values),
                TEMPLATE.render("email", language, values),
                null));
      }
    } catch (DeliveryFailure failure) {
      // The parent is told the same as always; the office can still help by phone.
      LOG.warning(() -> "Sign-in code for guardian " + issued.guardianId() + " not sent: " + failure.getMessage());
    }
  }
}

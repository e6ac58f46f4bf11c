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

/**
 * Sends a parent's sign-in code straight away, in their language. Codes are time-critical and
 * worthless after ten minutes, so they skip the outbox queue used for other messages.
 */
@ApplicationScoped
public class SignInCodeSender {

  private static final Logger LOG = Logger.getLogger(SignInCodeSender.class.getName());

  private static final Map<String, String> TEXT =
      Map.of(
          "en", "Your Schoolgate sign-in code is %s. It works for 10 minutes. Never share it: the school will not ask for it.",
          "pl", "Twój kod logowania do Schoolgate to %s. Jest ważny przez 10 minut. Nie udostępniaj go nikomu: szkoła nigdy o niego nie poprosi.",
          "ro", "Codul tău de conectare Schoolgate este %s. Este valabil 10 minute. Nu-l da nimănui: școala nu ți-l va cere.",
          "ur", "آپ کا Schoolgate سائن اِن کوڈ %s ہے۔ یہ 10 منٹ تک کام کرے گا۔ یہ کسی کو نہ بتائیں: اسکول کبھی نہیں پوچھے گا۔",
          "ar", "رمز الدخول إلى Schoolgate هو %s. صالح لمدة 10 دقائق. لا تشاركه مع أحد: المدرسة لن تطلبه منك.");

  private static final Map<String, String> SUBJECT =
      Map.of(
          "en", "Your Schoolgate sign-in code",
          "pl", "Twój kod logowania do Schoolgate",
          "ro", "Codul tău de conectare Schoolgate",
          "ur", "آپ کا Schoolgate سائن اِن کوڈ",
          "ar", "رمز الدخول إلى Schoolgate");

  private SmsGateway sms;
  private EmailGateway email;

  protected SignInCodeSender() {}

  @Inject
  public SignInCodeSender(SmsGateway sms, EmailGateway email) {
    this.sms = sms;
    this.email = email;
  }

  void send(@Observes SignInCodeIssued issued) {
    String language = TEXT.containsKey(issued.language()) ? issued.language() : "en";
    String body = String.format(TEXT.get(language), issued.code());
    try {
      if (issued.channel() == SignInCodeIssued.Channel.SMS) {
        sms.send(new SmsToSend(issued.destination(), body));
      } else {
        email.send(new EmailToSend(issued.destination(), SUBJECT.get(language), body, null));
      }
    } catch (DeliveryFailure failure) {
      // The parent is told the same as always; the office can still help by phone.
      LOG.warning(() -> "Sign-in code for guardian " + issued.guardianId() + " not sent: " + failure.getMessage());
    }
  }
}

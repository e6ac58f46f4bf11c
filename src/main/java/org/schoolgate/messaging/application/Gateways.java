package org.schoolgate.messaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schoolgate.messaging.adapter.dev.DevOutbox;
import org.schoolgate.messaging.adapter.mail.ServerMailGateway;
import org.schoolgate.messaging.adapter.twilio.TwilioSetup;
import org.schoolgate.messaging.port.EmailGateway;
import org.schoolgate.messaging.port.SmsGateway;

/**
 * Chooses the SMS and email gateways from configuration. With {@code schoolgate.dev-outbox=true}
 * (the demo) both go to the dev outbox and nothing leaves the machine. Otherwise email goes
 * through the server's mail session, and texts through Twilio once its account is configured;
 * until then a text is refused with a clear reason rather than dropped.
 */
@ApplicationScoped
public class Gateways {

  private boolean devOutbox;
  private DevOutbox outbox;
  private Instance<ServerMailGateway> mail;
  private TwilioSetup sms;

  protected Gateways() {}

  @Inject
  public Gateways(
      @ConfigProperty(name = "schoolgate.dev-outbox", defaultValue = "false") boolean devOutbox,
      DevOutbox outbox,
      Instance<ServerMailGateway> mail,
      TwilioSetup sms) {
    this.devOutbox = devOutbox;
    this.outbox = outbox;
    this.mail = mail;
    this.sms = sms;
  }

  public boolean devOutboxEnabled() {
    return devOutbox;
  }

  /** Whether texts go to the dev outbox rather than a provider (they count as delivered at once). */
  public boolean smsIsSimulated() {
    return devOutbox;
  }

  @Produces
  @ApplicationScoped
  SmsGateway smsGateway() {
    return devOutbox ? outbox : sms.gateway();
  }

  @Produces
  @ApplicationScoped
  EmailGateway emailGateway() {
    return devOutbox ? outbox : mail.get();
  }
}

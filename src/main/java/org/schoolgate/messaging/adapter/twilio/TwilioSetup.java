package org.schoolgate.messaging.adapter.twilio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schoolgate.messaging.port.DeliveryFailure;
import org.schoolgate.messaging.port.SmsGateway;

/**
 * Twilio from configuration (docs/sms-twilio.md): the account, the sender (a number or a
 * Messaging Service), and optionally the address of a stand-in for Twilio's API, which the tests
 * and a training server use. Without an account, texts are refused with a reason staff can act on.
 */
@ApplicationScoped
public class TwilioSetup {

  private static final Logger LOG = Logger.getLogger(TwilioSetup.class.getName());

  private Optional<String> accountSid;
  private Optional<String> authToken;
  private Optional<String> sender;
  private Optional<String> apiUrl;
  private long timeoutSeconds;
  private volatile SmsGateway gateway;

  protected TwilioSetup() {}

  @Inject
  public TwilioSetup(
      @ConfigProperty(name = "schoolgate.twilio.account-sid") Optional<String> accountSid,
      @ConfigProperty(name = "schoolgate.twilio.auth-token") Optional<String> authToken,
      @ConfigProperty(name = "schoolgate.twilio.from") Optional<String> from,
      @ConfigProperty(name = "schoolgate.twilio.messaging-service-sid") Optional<String> messagingService,
      @ConfigProperty(name = "schoolgate.twilio.api-url") Optional<String> apiUrl,
      @ConfigProperty(name = "schoolgate.twilio.timeout-seconds", defaultValue = "10") long timeoutSeconds) {
    this.accountSid = accountSid.filter(s -> !s.isBlank());
    this.authToken = authToken.filter(s -> !s.isBlank());
    this.sender = messagingService.filter(s -> !s.isBlank()).or(() -> from.filter(s -> !s.isBlank()));
    this.apiUrl = apiUrl.filter(s -> !s.isBlank());
    this.timeoutSeconds = timeoutSeconds;
  }

  /** Whether an account and a sender are configured. */
  public boolean configured() {
    return accountSid.isPresent() && authToken.isPresent() && sender.isPresent();
  }

  /** Texts through Twilio, or a gateway that refuses each text with the reason. */
  public SmsGateway gateway() {
    SmsGateway known = gateway;
    if (known == null) {
      if (configured()) {
        known = new TwilioSmsGateway(
            TwilioClients.create(accountSid.get(), authToken.get(), apiUrl.map(URI::create).orElse(null), Duration.ofSeconds(timeoutSeconds)),
            sender.get());
        LOG.info(() -> "Texts go through Twilio" + apiUrl.map(u -> " at " + u).orElse(""));
      } else {
        known = sms -> {
          throw new DeliveryFailure(
              "No SMS provider is set up on this server (SCHOOLGATE_TWILIO_ACCOUNT_SID, SCHOOLGATE_TWILIO_AUTH_TOKEN and a sender"
                  + " in docs/sms-twilio.md)", DeliveryFailure.Kind.PERMANENT, null, null);
        };
      }
      gateway = known;
    }
    return known;
  }

  /** Checks Twilio's signatures on callbacks; empty when no account is configured (callbacks are then refused). */
  public Optional<TwilioWebhooks> webhooks() {
    return authToken.map(TwilioWebhooks::new);
  }
}

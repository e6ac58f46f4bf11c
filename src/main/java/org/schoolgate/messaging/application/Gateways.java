package org.schoolgate.messaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schoolgate.messaging.adapter.dev.DevOutbox;
import org.schoolgate.messaging.port.DeliveryFailure;
import org.schoolgate.messaging.port.EmailGateway;
import org.schoolgate.messaging.port.SmsGateway;

/**
 * Chooses the SMS and email gateways from configuration. With {@code schoolgate.dev-outbox=true}
 * (the demo) both go to the dev outbox. Otherwise a gateway that is not configured refuses to send
 * with a clear reason rather than dropping messages silently.
 */
@ApplicationScoped
public class Gateways {

  private boolean devOutbox;
  private DevOutbox outbox;

  protected Gateways() {}

  @Inject
  public Gateways(@ConfigProperty(name = "schoolgate.dev-outbox", defaultValue = "false") boolean devOutbox, DevOutbox outbox) {
    this.devOutbox = devOutbox;
    this.outbox = outbox;
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
    if (devOutbox) {
      return outbox;
    }
    return sms -> {
      throw new DeliveryFailure("No SMS provider is configured (see docs/operations.md)", false, null);
    };
  }

  @Produces
  @ApplicationScoped
  EmailGateway emailGateway() {
    if (devOutbox) {
      return outbox;
    }
    return email -> {
      throw new DeliveryFailure("No mail server is configured (see docs/operations.md)", false, null);
    };
  }
}

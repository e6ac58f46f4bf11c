package org.schoolgate.messaging.application;

import java.time.OffsetDateTime;
import org.schoolgate.messaging.domain.DeliveryStatus;

/** One step in a message's delivery: saved, handed to the provider, delivered, failed, with the provider's words. */
public record LogStatusEvent(DeliveryStatus status, OffsetDateTime at, String providerStatus, String detail) {

  public String label() {
    return status.label();
  }
}

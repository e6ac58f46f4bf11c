package org.schoolgate.messaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.port.ProviderReceipt;
import org.schoolgate.messaging.port.SmsGateway;

/**
 * What providers tell us about messages after they took them: delivery receipts (status
 * callbacks) move a message along the one status vocabulary and never backwards, and a job asks
 * the provider about texts whose receipt never came.
 */
@ApplicationScoped
public class DeliveryReceipts {

  private static final Logger LOG = Logger.getLogger(DeliveryReceipts.class.getName());

  /** A text still "sending" this long after it was handed over is looked up at the provider. */
  static final Duration STUCK_AFTER = Duration.ofMinutes(30);

  private OutboxStore outbox;
  private SmsGateway sms;
  private Clock clock;

  protected DeliveryReceipts() {}

  @Inject
  public DeliveryReceipts(DataSource dataSource, SmsGateway sms, Clock clock) {
    this.outbox = new OutboxStore(dataSource);
    this.sms = sms;
    this.clock = clock;
  }

  /**
   * Applies a receipt for one of our messages. Returns false when no message has this id (a
   * callback for a message we do not know, which is logged and otherwise ignored).
   */
  public boolean apply(UUID messageId, ProviderReceipt receipt) {
    try {
      Optional<UUID> applied = outbox.applyReceipt(messageId, toStore(receipt), OffsetDateTime.now(clock));
      if (applied.isEmpty()) {
        LOG.warning(() -> "A delivery receipt arrived for message " + messageId + ", which is not in the outbox; ignored");
      }
      return applied.isPresent();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the delivery receipt", e);
    }
  }

  /** Asks the provider what became of texts whose receipt never came; returns how many moved. */
  public int reconcile() {
    int moved = 0;
    try {
      OffsetDateTime now = OffsetDateTime.now(clock);
      for (OutboxStore.Stuck stuck : outbox.stuckInSending(now.minus(STUCK_AFTER), 200)) {
        if (stuck.channel() != Channel.SMS) {
          continue;
        }
        Optional<ProviderReceipt> receipt = sms.lookUp(stuck.providerReference());
        if (receipt.isPresent() && outbox.applyReceipt(stuck.id(), toStore(receipt.get()), now).isPresent()) {
          moved++;
        }
      }
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not check texts still waiting for a receipt; will try again", e);
    }
    return moved;
  }

  static OutboxStore.Receipt toStore(ProviderReceipt r) {
    return new OutboxStore.Receipt(r.reference(), r.status(), r.providerStatus(), r.errorCode(), r.detail());
  }
}

package org.schoolgate.messaging.application;

import java.time.OffsetDateTime;
import java.util.Map;
import org.schoolgate.messaging.domain.DeliveryStatus;

/** Where a bulk send is, as stored and as staff see it. */
public enum BulkState {
  /** Its messages are being saved, batch by batch, and held: nothing goes until all are saved. */
  PREPARING("Being prepared"),
  /** Saved, waiting for the time chosen. */
  SCHEDULED("Scheduled"),
  /** Released to the dispatcher; some messages are still waiting or being sent. */
  SENDING("Sending"),
  /** Every message has been handed over or has an outcome (never stored: worked out from the counts). */
  FINISHED("Finished"),
  /** Stopped by a member of staff; messages already sent stay sent. */
  CANCELLED("Cancelled"),
  /** Saving stopped part-way; everything it had saved was cancelled, so nothing was sent. */
  FAILED("Not sent: it could not be saved");

  private final String label;

  BulkState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether messages may still be waiting, so Cancel means something and the progress bar keeps polling. */
  public boolean active() {
    return this == PREPARING || this == SCHEDULED || this == SENDING;
  }

  /**
   * What staff see: a scheduled send whose time has come is sending, and a send with nothing left
   * waiting or being handed over is finished.
   */
  public static BulkState shown(BulkState stored, Map<DeliveryStatus, Integer> counts, OffsetDateTime scheduledFor,
      OffsetDateTime now) {
    if (stored != SCHEDULED && stored != SENDING) {
      return stored;
    }
    if (stored == SCHEDULED && now.isBefore(scheduledFor)) {
      return SCHEDULED;
    }
    int open = counts.getOrDefault(DeliveryStatus.CREATED, 0) + counts.getOrDefault(DeliveryStatus.SENDING, 0);
    return open > 0 ? SENDING : FINISHED;
  }
}

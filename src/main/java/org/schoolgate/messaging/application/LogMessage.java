package org.schoolgate.messaging.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.DeliveryStatus;

/**
 * A message or letter in the log, exactly as it was sent.
 *
 * @param destination the number, email address or postal address it went to, in full: the office
 *     must be able to spot a wrong number, and everyone who may open the log may already see the
 *     family's contact details on the pupil record (see docs/communication-log.md)
 * @param hasPdf whether a printable PDF is stored (letters, once produced)
 * @param readAt when the parent opened it in the portal, else null
 * @param history every status it passed through, oldest first
 */
public record LogMessage(
    UUID id,
    Channel channel,
    String destination,
    DeliveryStatus status,
    String failureReason,
    String reviewReason,
    String subject,
    String body,
    boolean hasPdf,
    OffsetDateTime sentAt,
    OffsetDateTime deliveredAt,
    OffsetDateTime readAt,
    List<LogStatusEvent> history) {

  public LogMessage {
    history = List.copyOf(history);
  }

  /** Waiting for a person to check it: what became of it is not known. */
  public boolean needsReview() {
    return reviewReason != null;
  }

  public boolean failed() {
    return status.isFailure();
  }

  /** The status staff read: "Needs checking" wins over the status while a person must decide. */
  public String statusLabel() {
    return needsReview() ? LogFilter.Status.NEEDS_REVIEW.label() : status.label();
  }

  public String channelLabel() {
    return channel.label();
  }

  LogMessage withHistory(List<LogStatusEvent> events) {
    return new LogMessage(id, channel, destination, status, failureReason, reviewReason, subject, body, hasPdf, sentAt, deliveredAt, readAt, events);
  }
}

package org.schoolgate.messaging.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.schoolgate.messaging.domain.Channel;

/**
 * A message the school sent to the signed-in parent, as they received it.
 *
 * @param sentAt when it left the school (when it was saved, if no send time is recorded)
 * @param children the first names of the children it is about
 */
public record LogParentMessage(
    UUID id,
    String schoolName,
    Channel channel,
    String subject,
    String body,
    OffsetDateTime sentAt,
    OffsetDateTime readAt,
    List<String> children,
    boolean hasPdf) {

  public LogParentMessage {
    children = List.copyOf(children);
  }

  public boolean isRead() {
    return readAt != null;
  }
}

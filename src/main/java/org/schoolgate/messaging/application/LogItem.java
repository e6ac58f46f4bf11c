package org.schoolgate.messaging.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One line of a timeline: what happened, when, who did it, and for a message or letter the whole
 * story of its delivery; for a reply, the family's text.
 *
 * @param pupils the children it concerns (for a message, every child it names)
 * @param message for {@link LogKind#MESSAGE} and {@link LogKind#LETTER}, else null
 * @param reply for an entry made from a text the family sent, else null
 */
public record LogItem(
    UUID id,
    LogKind kind,
    OffsetDateTime when,
    String title,
    String detail,
    String actor,
    boolean restricted,
    UUID schoolId,
    List<LogPupil> pupils,
    UUID guardianId,
    String guardianName,
    LogMessage message,
    LogReply reply) {

  public LogItem {
    pupils = List.copyOf(pupils);
  }

  /** The children's names, for a list column. */
  public String pupilNames() {
    return String.join(", ", pupils.stream().map(LogPupil::name).toList());
  }

  LogItem withPupils(List<LogPupil> all) {
    return new LogItem(id, kind, when, title, detail, actor, restricted, schoolId, all, guardianId, guardianName, message, reply);
  }
}

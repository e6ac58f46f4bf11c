package org.schoolgate.messaging.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Something to write into the communication log: a call, visit, note, meeting, task, document or
 * reply, about one or more pupils of a school and/or one of their guardians. One row is stored per
 * pupil, so the entry shows in each child's log and once in the family's.
 *
 * <pre>{@code
 * log.record(LogEntry.about(schoolId, pupilId, LogKind.NOTE, "Spoke to Sam at break", "Worried about Mondays"));
 * log.record(LogEntry.withFamily(schoolId, guardianId, List.of(ahmed, yasmin), LogKind.CALL,
 *     "Mum rang: medical appointment", "Back after lunch").restrictedToSafeguarding());
 * }</pre>
 *
 * @param occurredAt when it happened; null means now
 * @param restricted safeguarding: only the DSL and the headteacher see it
 * @param inboundId the text from the family this entry is about, for {@link LogKind#REPLY}
 */
public record LogEntry(
    UUID schoolId,
    List<UUID> pupilIds,
    UUID guardianId,
    LogKind kind,
    OffsetDateTime occurredAt,
    String title,
    String detail,
    boolean restricted,
    UUID inboundId) {

  public LogEntry {
    pupilIds = pupilIds == null ? List.of() : List.copyOf(pupilIds);
  }

  /** An entry about one pupil. */
  public static LogEntry about(UUID schoolId, UUID pupilId, LogKind kind, String title, String detail) {
    return new LogEntry(schoolId, List.of(pupilId), null, kind, null, title, detail, false, null);
  }

  /** An entry with a guardian, about some (or none) of their children at the school. */
  public static LogEntry withFamily(UUID schoolId, UUID guardianId, List<UUID> pupilIds, LogKind kind, String title, String detail) {
    return new LogEntry(schoolId, pupilIds, guardianId, kind, null, title, detail, false, null);
  }

  /** The same entry, which happened at {@code when} (a call made earlier, a visit this morning). */
  public LogEntry at(OffsetDateTime when) {
    return new LogEntry(schoolId, pupilIds, guardianId, kind, when, title, detail, restricted, inboundId);
  }

  /** The same entry, seen only by the designated safeguarding lead and the headteacher. */
  public LogEntry restrictedToSafeguarding() {
    return new LogEntry(schoolId, pupilIds, guardianId, kind, occurredAt, title, detail, true, inboundId);
  }

  /** The same entry, linked to a text the family sent. */
  public LogEntry inReplyTo(UUID inbound) {
    return new LogEntry(schoolId, pupilIds, guardianId, kind, occurredAt, title, detail, restricted, inbound);
  }
}

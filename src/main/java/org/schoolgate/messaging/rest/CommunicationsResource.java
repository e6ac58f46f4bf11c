package org.schoolgate.messaging.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.messaging.application.CommunicationLog;
import org.schoolgate.messaging.application.LogFilter;
import org.schoolgate.messaging.application.LogItem;
import org.schoolgate.messaging.application.LogKind;
import org.schoolgate.messaging.application.LogMessage;
import org.schoolgate.messaging.application.LogPupil;
import org.schoolgate.messaging.application.LogTimeline;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.platform.validation.InvalidInputException;

/** A pupil's communication log for staff: messages with their delivery history, replies, calls, visits and notes. */
@Path("pupils/{pupilId}/communications")
@Tag(name = "Communication log")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
public class CommunicationsResource {

  @Inject CommunicationLog log;

  @GET
  @Operation(
      summary = "A pupil's communication log, newest first",
      description =
          "Every message and letter (with the text as sent, where it went, its status and every status change), every"
              + " reply, call, visit, meeting and note. Safeguarding entries only for the DSL and the headteacher."
              + " Filters: kind (repeat or comma-separate), channel, status (failures, review), from/to (dates, inclusive),"
              + " q (words), limit (at most 500).")
  public TimelineView ofPupil(@PathParam("pupilId") UUID pupilId, @BeanParam FilterParams filter) {
    return TimelineView.of(log.pupilTimeline(pupilId, filter.toFilter()));
  }

  /** A family's communication log: every child of the guardian the caller may see, and every message to them. */
  @Path("guardians/{guardianId}/communications")
  @Tag(name = "Communication log")
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "staff")
  public static class Family {

    @Inject CommunicationLog log;

    @GET
    @Operation(
        summary = "A family's communication log, newest first",
        description =
            "The logs of every child of the guardian the caller may see, and the entries with the guardian naming no child."
                + " A message or call about two siblings appears once, naming both. Same filters as the pupil's log.")
    public TimelineView ofFamily(@PathParam("guardianId") UUID guardianId, @BeanParam FilterParams filter) {
      return TimelineView.of(log.familyTimeline(guardianId, filter.toFilter()));
    }
  }

  /** The query parameters both logs take. */
  public static class FilterParams {
    @QueryParam("kind")
    // CALL, VISIT, NOTE, TASK, MEETING, DOCUMENT, REPLY, MESSAGE, LETTER; repeat or comma-separate
    List<String> kinds;

    @QueryParam("channel")
    // SMS, EMAIL, LETTER or IN_APP: messages of that channel only
    String channel;

    @QueryParam("status")
    // failures (not delivered) or review (needs checking): messages only
    String status;

    @QueryParam("from")
    // First day, YYYY-MM-DD, in the school's time zone
    String from;

    @QueryParam("to")
    // Last day, YYYY-MM-DD, inclusive
    String to;

    @QueryParam("q")
    // Words in a title, note, message or reply (any case)
    String text;

    @QueryParam("limit")
    // At most this many entries (1 to 500, default 500)
    Integer limit;

    LogFilter toFilter() {
      Set<LogKind> kindSet = EnumSet.noneOf(LogKind.class);
      if (kinds != null) {
        for (String k : kinds) {
          for (String one : k.split(",")) {
            if (!one.isBlank()) {
              kindSet.add(parse(LogKind.class, "kind", one));
            }
          }
        }
      }
      LogFilter.Status s =
          status == null || status.isBlank()
              ? LogFilter.Status.ANY
              : switch (status.strip().toLowerCase(Locale.ROOT)) {
                case "any" -> LogFilter.Status.ANY;
                case "failures", "failed" -> LogFilter.Status.FAILURES;
                case "review", "needs_review", "needs-review" -> LogFilter.Status.NEEDS_REVIEW;
                default -> throw new InvalidInputException("status", "Status must be failures or review");
              };
      if (limit != null && (limit < 1 || limit > LogFilter.MAX)) {
        throw new InvalidInputException("limit", "Limit must be between 1 and " + LogFilter.MAX);
      }
      LocalDate first = date("from", from);
      LocalDate last = date("to", to);
      if (first != null && last != null && last.isBefore(first)) {
        throw new InvalidInputException("to", "The last day is before the first");
      }
      return LogFilter.all()
          .withKinds(kindSet)
          .withChannel(channel == null || channel.isBlank() ? null : parse(Channel.class, "channel", channel))
          .withStatus(s)
          .between(first, last)
          .matching(text)
          .limitedTo(limit == null ? LogFilter.MAX : limit);
    }

    private static LocalDate date(String field, String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      try {
        return LocalDate.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(field, "\"" + value + "\" is not a date (YYYY-MM-DD)");
      }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
      try {
        return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(field, "Unknown " + field + " \"" + value.strip() + "\"");
      }
    }
  }

  public record PupilRef(UUID id, String name) {}

  public record StatusEventView(String status, String label, OffsetDateTime at, String providerStatus, String detail) {}

  public record MessageView(
      UUID id,
      String channel,
      String channelLabel,
      String destination,
      String status,
      String statusLabel,
      String failureReason,
      String reviewReason,
      String subject,
      String body,
      boolean hasPdf,
      OffsetDateTime sentAt,
      OffsetDateTime deliveredAt,
      OffsetDateTime readAt,
      List<StatusEventView> history) {
    static MessageView of(LogMessage m) {
      return new MessageView(
          m.id(), m.channel().name(), m.channelLabel(), m.destination(), m.status().name(), m.statusLabel(), m.failureReason(),
          m.reviewReason(), m.subject(), m.body(), m.hasPdf(), m.sentAt(), m.deliveredAt(), m.readAt(),
          m.history().stream()
              .map(e -> new StatusEventView(e.status().name(), e.label(), e.at(), e.providerStatus(), e.detail()))
              .toList());
    }
  }

  public record ReplyView(UUID id, String fromNumber, String body, OffsetDateTime receivedAt) {}

  public record EntryView(
      UUID id,
      String kind,
      String kindLabel,
      OffsetDateTime occurredAt,
      String title,
      String detail,
      String actor,
      boolean restricted,
      UUID schoolId,
      List<PupilRef> pupils,
      UUID guardianId,
      String guardianName,
      MessageView message,
      ReplyView reply) {
    static EntryView of(LogItem i) {
      return new EntryView(
          i.id(), i.kind().name(), i.kind().label(), i.when(), i.title(), i.detail(), i.actor(), i.restricted(), i.schoolId(),
          i.pupils().stream().map(p -> new PupilRef(p.id(), p.name())).toList(), i.guardianId(), i.guardianName(),
          i.message() == null ? null : MessageView.of(i.message()),
          i.reply() == null ? null : new ReplyView(i.reply().id(), i.reply().fromNumber(), i.reply().body(), i.reply().receivedAt()));
    }
  }

  public record TimelineView(String heading, UUID guardianId, List<PupilRef> pupils, boolean includesRestricted, List<EntryView> entries) {
    static TimelineView of(LogTimeline t) {
      return new TimelineView(
          t.heading(), t.guardianId(), t.pupils().stream().map((LogPupil p) -> new PupilRef(p.id(), p.name())).toList(),
          t.seesRestricted(), t.items().stream().map(EntryView::of).toList());
    }
  }
}

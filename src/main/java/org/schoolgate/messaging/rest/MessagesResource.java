package org.schoolgate.messaging.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.messaging.application.InboundMessages;
import org.schoolgate.messaging.application.MessageRequest;
import org.schoolgate.messaging.application.MessageReview;
import org.schoolgate.messaging.application.Messages;
import org.schoolgate.messaging.application.OutboundMessages;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.RecipientPlan.Audience;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * Messages to families over the API: preview or send a template about pupils, list a school's
 * messages with their status, read one message's history, decide on one in review, and read the
 * replies inbox.
 */
@Path("schools/{schoolId}/messages")
@Tag(name = "Messages")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
public class MessagesResource {

  @Inject Messages messages;
  @Inject OutboundMessages outbound;
  @Inject MessageReview review;
  @Inject InboundMessages inbound;

  /** What to send: a template about pupils, with the values only staff know. */
  public record SendRequest(
      String templateId, List<UUID> pupilIds, String channel, String audience, Map<String, String> values, String purpose,
      OffsetDateTime sendAt) {}

  public record RenderedView(
      String channel, String to, String language, List<UUID> pupilIds, String subject, String body, Integer smsSegments,
      String smsEncoding) {}

  public record SkippedView(UUID pupilId, UUID guardianId, String guardianName, String reason) {}

  public record SendResult(List<UUID> messageIds, int templateVersion, List<RenderedView> messages, List<SkippedView> skipped) {}

  public record LineView(
      UUID id, OffsetDateTime createdAt, String channel, String templateId, String title, String to, String about, String status,
      String statusText, String reason, boolean needsReview, int attempts) {}

  public record StepView(String status, String label, OffsetDateTime at, String providerStatus, String detail) {}

  public record MessageView(UUID id, String body, List<StepView> history) {}

  public record ReviewDecision(boolean sendAgain) {}

  @POST
  @Path("preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "What each guardian would receive, and who cannot be reached; nothing is sent")
  public SendResult preview(@PathParam("schoolId") UUID schoolId, SendRequest request) {
    return view(messages.preview(request(schoolId, request)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Send a template about pupils to their families (saved first, sent by the dispatcher)")
  public SendResult send(@PathParam("schoolId") UUID schoolId, SendRequest request) {
    return view(messages.send(request(schoolId, request)));
  }

  @GET
  @Operation(summary = "The school's newest messages with their status (show: ALL, NEEDS_ATTENTION, WAITING)")
  public List<LineView> list(
      @PathParam("schoolId") UUID schoolId, @QueryParam("show") @DefaultValue("ALL") String show, @QueryParam("limit") @DefaultValue("200") int limit) {
    OutboundMessages.Show which;
    try {
      which = OutboundMessages.Show.valueOf(show.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("show", "show is one of ALL, NEEDS_ATTENTION, WAITING");
    }
    return outbound.recent(schoolId, which, Math.min(limit, 1000)).stream()
        .map(l -> new LineView(l.id(), l.createdAt(), l.channel().name(), l.templateId(), l.title(), l.recipient(), l.pupils(),
            l.status().name(), l.statusText(), l.reason(), l.inReview(), l.attempts()))
        .toList();
  }

  @GET
  @Path("{messageId}")
  @Operation(summary = "One message as sent, with its status history")
  public MessageView one(@PathParam("schoolId") UUID schoolId, @PathParam("messageId") UUID messageId) {
    List<StepView> steps = outbound.history(schoolId, messageId).stream()
        .map(s -> new StepView(s.status().name(), s.status().label(), s.at(), s.providerStatus(), s.detail()))
        .toList();
    if (steps.isEmpty()) {
      throw new org.schoolgate.platform.validation.NotFoundException("Message " + messageId);
    }
    return new MessageView(messageId, outbound.body(schoolId, messageId), steps);
  }

  @POST
  @Path("{messageId}/review")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Decide on a message in review: send it again, or leave it as not sent again")
  public void decide(@PathParam("schoolId") UUID schoolId, @PathParam("messageId") UUID messageId, ReviewDecision decision) {
    review.decide(schoolId, messageId, decision != null && decision.sendAgain());
  }

  @GET
  @Path("replies")
  @Operation(summary = "Texts families sent, matched to the guardian and child where possible")
  public List<InboundMessages.Reply> replies(@PathParam("schoolId") UUID schoolId, @QueryParam("unhandled") @DefaultValue("false") boolean unhandled) {
    return inbound.inbox(schoolId, unhandled, 300);
  }

  static MessageRequest request(UUID schoolId, SendRequest r) {
    if (r == null || r.templateId() == null || r.pupilIds() == null) {
      throw new InvalidInputException("templateId", "Give templateId and pupilIds");
    }
    Channel channel = null;
    if (r.channel() != null && !r.channel().isBlank()) {
      try {
        channel = Channel.valueOf(r.channel().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("channel", "channel is one of SMS, EMAIL, LETTER, IN_APP, or empty for each guardian's preference");
      }
    }
    Audience audience = null;
    if (r.audience() != null && !r.audience().isBlank()) {
      try {
        audience = Audience.valueOf(r.audience().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("audience", "audience is one of PARENTAL_RESPONSIBILITY, CORRESPONDENCE, FIRST_CONTACT");
      }
    }
    return new MessageRequest(schoolId, r.templateId(), r.purpose(), r.pupilIds(), channel, audience, r.values(), null, r.sendAt(), null);
  }

  static SendResult view(Messages.Outcome o) {
    return new SendResult(
        o.messageIds(),
        o.templateVersion(),
        o.messages().stream()
            .map(m -> new RenderedView(m.channel().name(), m.delivery().destination(), m.language(), m.delivery().pupilIds(), m.subject(),
                m.body(), m.smsLength() == null ? null : m.smsLength().segments(), m.smsLength() == null ? null : m.smsLength().encoding().label()))
            .toList(),
        o.skipped().stream().map(s -> new SkippedView(s.pupilId(), s.guardianId(), s.guardianName(), s.reason())).toList());
  }
}

package org.schoolgate.messaging.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.RecipientPlan.Audience;

/**
 * What a member of staff (or a rule) asks to send: a template about some pupils of one school.
 *
 * @param purpose why it is sent, part of the key that stops the same message going twice
 *     ("first-day-absence", "letter-1", "praise-improvement")
 * @param channel the channel wanted, or null for each guardian's own preference
 * @param values extra placeholder values the caller knows (meeting date, leave dates, reference)
 * @param repeatKey what makes a repeat of this purpose legitimate: by default the school day, so
 *     the same first-day text cannot go twice in a day; a meeting reminder passes the meeting id
 * @param dueAt when to send it; null for now
 * @param bulkSendId the bulk send it belongs to, if any
 */
public record MessageRequest(
    UUID schoolId,
    String templateId,
    String purpose,
    List<UUID> pupilIds,
    Channel channel,
    Audience audience,
    Map<String, String> values,
    String repeatKey,
    OffsetDateTime dueAt,
    UUID bulkSendId) {

  public MessageRequest {
    pupilIds = List.copyOf(pupilIds);
    values = values == null ? Map.of() : Map.copyOf(values);
    audience = audience == null ? Audience.PARENTAL_RESPONSIBILITY : audience;
    purpose = purpose == null || purpose.isBlank() ? templateId : purpose;
  }

  /** A message about pupils, sent now to everyone with parental responsibility by their preferred channel. */
  public static MessageRequest of(UUID schoolId, String templateId, List<UUID> pupilIds, Map<String, String> values) {
    return new MessageRequest(schoolId, templateId, templateId, pupilIds, null, null, values, null, null, null);
  }

  public MessageRequest withChannel(Channel newChannel) {
    return new MessageRequest(schoolId, templateId, purpose, pupilIds, newChannel, audience, values, repeatKey, dueAt, bulkSendId);
  }

  public MessageRequest withAudience(Audience newAudience) {
    return new MessageRequest(schoolId, templateId, purpose, pupilIds, channel, newAudience, values, repeatKey, dueAt, bulkSendId);
  }

  public MessageRequest scheduledFor(OffsetDateTime at) {
    return new MessageRequest(schoolId, templateId, purpose, pupilIds, channel, audience, values, repeatKey, at, bulkSendId);
  }

  public MessageRequest inBulkSend(UUID id) {
    return new MessageRequest(schoolId, templateId, purpose, pupilIds, channel, audience, values, repeatKey, dueAt, id);
  }

  public MessageRequest withRepeatKey(String key) {
    return new MessageRequest(schoolId, templateId, purpose, pupilIds, channel, audience, values, key, dueAt, bulkSendId);
  }
}

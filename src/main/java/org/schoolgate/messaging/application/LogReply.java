package org.schoolgate.messaging.application;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A text the family sent to the school's number, as it arrived. */
public record LogReply(UUID id, String fromNumber, String body, OffsetDateTime receivedAt) {}

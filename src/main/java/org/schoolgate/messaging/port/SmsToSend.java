package org.schoolgate.messaging.port;

/** A text message ready for a provider: an E.164 number and the final text. */
public record SmsToSend(String toE164, String body) {}

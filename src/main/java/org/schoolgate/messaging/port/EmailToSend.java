package org.schoolgate.messaging.port;

/** An email ready for a mail server: plain text, and HTML when there is one. */
public record EmailToSend(String to, String subject, String textBody, String htmlBody) {}

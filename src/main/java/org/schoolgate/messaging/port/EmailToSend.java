package org.schoolgate.messaging.port;

import java.util.List;

/**
 * An email ready for a mail server: plain text always, HTML when there is one, and attachments
 * (letters as PDFs). {@code reference} is our message id, sent as a header so a bounce can be
 * matched back; null for messages outside the outbox (sign-in codes).
 */
public record EmailToSend(
    String to, String subject, String textBody, String htmlBody, List<Attachment> attachments, String reference) {

  public EmailToSend {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  public EmailToSend(String to, String subject, String textBody, String htmlBody) {
    this(to, subject, textBody, htmlBody, List.of(), null);
  }

  /** A file sent with an email. */
  public record Attachment(String fileName, String contentType, byte[] content) {}
}

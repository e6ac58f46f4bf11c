package org.schoolgate.messaging.adapter.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Logger;
import org.schoolgate.messaging.port.DeliveryFailure;
import org.schoolgate.messaging.port.DeliveryFailure.Kind;
import org.schoolgate.messaging.port.EmailGateway;
import org.schoolgate.messaging.port.EmailToSend;

/**
 * Hands an email to an SMTP server through a Jakarta Mail session: plain text, with an HTML
 * alternative when there is one, and attachments (letters as PDFs) always base64-encoded. All text
 * is UTF-8, so names and subjects in Polish, Romanian, Arabic or Urdu arrive as written.
 *
 * <p>What the server said decides the failure kind. Nothing was accepted (no connection, a 4xx
 * reply) is {@link Kind#RETRYABLE}; a 5xx reply (a recipient the server refuses) is
 * {@link Kind#PERMANENT} with the reply code; losing the server after the whole message was sent but
 * before its final reply is {@link Kind#OUTCOME_UNKNOWN}, because the email may already be on its
 * way. Failures carry no server text, which often repeats the recipient's address.
 */
@jakarta.enterprise.inject.Vetoed
public class JakartaMailEmailGateway implements EmailGateway {

  /** Our message id, sent with every outbox email so a bounce can be matched back. */
  public static final String REFERENCE_HEADER = "X-Schoolgate-Message";

  static final String UNREACHABLE = "The mail server could not be reached; will try again";

  private static final Logger LOG = Logger.getLogger(JakartaMailEmailGateway.class.getName());
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final Session session;
  private final InternetAddress from;
  private final String messageIdDomain;

  /**
   * @param session the mail session (from the server's {@code mail/schoolgate} resource, or
   *     {@link MailSessions#fromConfig})
   * @param fromAddress the address emails come from ({@code attendance@school.org.uk})
   * @param fromName the name parents see beside it, or null
   */
  public JakartaMailEmailGateway(Session session, String fromAddress, String fromName) {
    this.session = Objects.requireNonNull(session, "session");
    try {
      this.from = new InternetAddress(Objects.requireNonNull(fromAddress, "fromAddress"), fromName, UTF_8);
      this.from.validate();
    } catch (UnsupportedEncodingException | AddressException e) {
      throw new IllegalArgumentException("The sender address for email is not valid", e);
    }
    String address = from.getAddress();
    this.messageIdDomain = address.substring(address.lastIndexOf('@') + 1);
    // The session's protocol trace would write recipients and message text to the log.
    session.setDebug(false);
  }

  /**
   * A gateway on a session created by the application server, sending from the session's own
   * {@code mail.from} address (set with {@code --fromaddress}) under the given name.
   */
  public static JakartaMailEmailGateway fromSessionSender(Session session, String fromName) {
    String address = session.getProperty("mail.from");
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("The mail session has no sender address (mail.from)");
    }
    return new JakartaMailEmailGateway(session, address, fromName);
  }

  @Override
  public String send(EmailToSend email) {
    InternetAddress to = recipient(email.to());
    TrackedMessage message;
    try {
      message = compose(email, to);
      message.saveChanges();
    } catch (MessagingException e) {
      throw new DeliveryFailure("The email could not be put together for sending", Kind.PERMANENT, null, null);
    }
    String messageId = header(message, "Message-ID");

    Transport transport;
    try {
      transport = session.getTransport(to);
      transport.connect();
    } catch (AuthenticationFailedException e) {
      throw new DeliveryFailure(
          "The mail server refused Schoolgate's sign-in (check the SMTP user and password); will try again",
          Kind.RETRYABLE, null, null);
    } catch (MessagingException e) {
      Integer code = replyCode(e);
      throw new DeliveryFailure(UNREACHABLE, Kind.RETRYABLE, code == null ? null : code.toString(), technicalCause(e));
    }
    try {
      transport.sendMessage(message, new Address[] {to});
    } catch (MessagingException e) {
      throw failureWhileSending(e, message.contentWritten());
    } finally {
      closeQuietly(transport);
    }
    LOG.fine(() -> "Email " + (email.reference() == null ? "(no reference)" : email.reference()) + " accepted as " + messageId);
    return messageId;
  }

  private static InternetAddress recipient(String to) {
    try {
      InternetAddress address = new InternetAddress(Objects.requireNonNullElse(to, "").trim(), true);
      address.validate();
      if (address.getAddress().indexOf('@') < 1) {
        throw new AddressException("no domain");
      }
      return address;
    } catch (AddressException e) {
      throw new DeliveryFailure("The email address is not valid", Kind.PERMANENT, null, null);
    }
  }

  private TrackedMessage compose(EmailToSend email, InternetAddress to) throws MessagingException {
    TrackedMessage message = new TrackedMessage(session, messageIdDomain);
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, to);
    message.setSubject(Objects.requireNonNullElse(email.subject(), ""), UTF_8);
    message.setSentDate(new java.util.Date());
    if (email.reference() != null && !email.reference().isBlank()) {
      message.setHeader(REFERENCE_HEADER, email.reference());
    }

    String text = Objects.requireNonNullElse(email.textBody(), "");
    boolean hasHtml = email.htmlBody() != null && !email.htmlBody().isBlank();
    if (email.attachments().isEmpty()) {
      if (hasHtml) {
        message.setContent(alternative(text, email.htmlBody()));
      } else {
        message.setText(text, UTF_8, "plain");
      }
      return message;
    }

    MimeMultipart mixed = new MimeMultipart("mixed");
    MimeBodyPart body = new MimeBodyPart();
    if (hasHtml) {
      body.setContent(alternative(text, email.htmlBody()));
    } else {
      body.setText(text, UTF_8, "plain");
    }
    mixed.addBodyPart(body);
    for (EmailToSend.Attachment attachment : email.attachments()) {
      mixed.addBodyPart(attachmentPart(attachment));
    }
    message.setContent(mixed);
    return message;
  }

  private static Multipart alternative(String text, String html) throws MessagingException {
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(text, UTF_8, "plain");
    MimeBodyPart rich = new MimeBodyPart();
    rich.setText(html, UTF_8, "html");
    alternative.addBodyPart(plain);
    alternative.addBodyPart(rich);
    return alternative;
  }

  private static MimeBodyPart attachmentPart(EmailToSend.Attachment attachment) throws MessagingException {
    String type = attachment.contentType() == null || attachment.contentType().isBlank()
        ? "application/octet-stream"
        : attachment.contentType();
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), type)));
    part.setDisposition(Part.ATTACHMENT);
    part.setFileName(attachment.fileName());
    // Some relays mangle PDFs sent as 8bit or quoted-printable; base64 always survives.
    part.setHeader("Content-Transfer-Encoding", "base64");
    return part;
  }

  /**
   * Maps a failure once connected. A definite reply code means the server refused (4xx: for now,
   * 5xx: for good). No reply after the whole message went out means it may have been accepted.
   */
  private static DeliveryFailure failureWhileSending(MessagingException e, boolean contentWritten) {
    Integer code = replyCode(e);
    boolean definiteReply = code != null && code >= 400 && code <= 599;
    if (definiteReply) {
      String providerCode = code.toString();
      if (code >= 500) {
        boolean recipientRefused = e instanceof SendFailedException sfe && hasAny(sfe.getInvalidAddresses());
        String reason = recipientRefused
            ? "The recipient's mail server refused this address (SMTP " + code + "); check the email address"
            : "The mail server refused this email (SMTP " + code + ")";
        return new DeliveryFailure(reason, Kind.PERMANENT, providerCode, null);
      }
      return new DeliveryFailure(
          "The mail server asked us to try later (SMTP " + code + "); will try again", Kind.RETRYABLE, providerCode, null);
    }
    if (contentWritten) {
      return new DeliveryFailure(
          "The mail server stopped answering after the whole email was sent, so it may have been delivered;"
              + " check with the recipient before sending again",
          Kind.OUTCOME_UNKNOWN, null, technicalCause(e));
    }
    return new DeliveryFailure(UNREACHABLE, Kind.RETRYABLE, null, technicalCause(e));
  }

  /**
   * The SMTP reply code behind a failure, if the server gave one: from Angus Mail's exceptions
   * ({@code getReturnCode()}, read reflectively to stay on the Jakarta Mail API) or the reply text.
   */
  static Integer replyCode(Exception e) {
    Exception current = e;
    for (int depth = 0; current != null && depth < 10; depth++) {
      Integer code = ownReplyCode(current);
      if (code != null) {
        return code;
      }
      current = current instanceof MessagingException me ? me.getNextException() : null;
    }
    return null;
  }

  private static Integer ownReplyCode(Exception e) {
    try {
      Method method = e.getClass().getMethod("getReturnCode");
      Object value = method.invoke(e);
      if (value instanceof Integer code && code >= 200 && code <= 599) {
        return code;
      }
      return null;
    } catch (ReflectiveOperationException | RuntimeException notAngus) {
      String text = e.getMessage();
      if (text != null && text.length() >= 4 && text.substring(0, 3).chars().allMatch(Character::isDigit)
          && (text.charAt(3) == ' ' || text.charAt(3) == '-')) {
        int code = Integer.parseInt(text.substring(0, 3));
        return code >= 400 && code <= 599 ? code : null;
      }
      return null;
    }
  }

  /** The underlying network error (no personal data: host, port, timeout), kept for support staff. */
  private static Throwable technicalCause(Exception e) {
    Throwable current = e;
    for (int depth = 0; current != null && depth < 10; depth++) {
      if (current instanceof IOException io) {
        return new IOException(io.getClass().getSimpleName() + ": " + io.getMessage());
      }
      Throwable next = current instanceof MessagingException me ? me.getNextException() : current.getCause();
      if (next == current) {
        break;
      }
      current = next;
    }
    return null;
  }

  private static boolean hasAny(Address[] addresses) {
    return addresses != null && addresses.length > 0;
  }

  private static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, null);
    } catch (MessagingException e) {
      return null;
    }
  }

  private static void closeQuietly(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException ignored) {
      // The message was handed over (or the failure already reported); a failed QUIT changes nothing.
    }
  }

  /**
   * A message that notes when its content has been written to the server (after the DATA command
   * was accepted), and whose Message-ID names the sender's domain rather than this machine.
   */
  static final class TrackedMessage extends MimeMessage {
    private final String idDomain;
    private volatile boolean contentWritten;

    TrackedMessage(Session session, String idDomain) {
      super(session);
      this.idDomain = idDomain;
    }

    boolean contentWritten() {
      return contentWritten;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + idDomain + ">");
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
      super.writeTo(out, ignoreList);
      contentWritten = true;
    }
  }
}

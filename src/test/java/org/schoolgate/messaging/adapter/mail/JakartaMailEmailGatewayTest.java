package org.schoolgate.messaging.adapter.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.schoolgate.messaging.port.DeliveryFailure;
import org.schoolgate.messaging.port.EmailToSend;

class JakartaMailEmailGatewayTest {

  @RegisterExtension
  static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final MailSessions.Timeouts QUICK =
      new MailSessions.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));

  static final String PARENT = "rodzic@example.org";
  static final String SCHOOL_ADDRESS = "attendance@oakfield.sch.uk";
  static final String SCHOOL_NAME = "Szkoła Oakfield – biuro";

  JakartaMailEmailGateway gatewayTo(String host, int port) {
    return new JakartaMailEmailGateway(MailSessions.fromConfig(host, port, null, null, false, QUICK), SCHOOL_ADDRESS, SCHOOL_NAME);
  }

  JakartaMailEmailGateway greenMailGateway() {
    return gatewayTo(greenMail.getSmtp().getBindTo(), greenMail.getSmtp().getPort());
  }

  @Test
  void an_email_arrives_with_its_sender_recipient_subject_text_html_and_our_reference() throws Exception {
    String subject = "Nieobecność: Łukasz Wiśniewski – غياب – غیر حاضری – Absență Ștefan";
    String text = "Dzień dobry, Łukasz nie był dziś w szkole.\nعزيزي ولي الأمر\nمحترم والدین\nȘtefan a lipsit.";
    String html = "<p>Dzień dobry, <b>Łukasz</b> nie był dziś w szkole.</p><p dir=\"rtl\">عزيزي ولي الأمر</p>";

    String messageId = greenMailGateway().send(new EmailToSend(PARENT, subject, text, html, List.of(), "msg-4711"));

    MimeMessage received = onlyReceived();
    InternetAddress from = (InternetAddress) received.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo(SCHOOL_ADDRESS);
    assertThat(from.getPersonal()).isEqualTo(SCHOOL_NAME);
    assertThat(received.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly(PARENT);
    assertThat(received.getSubject()).isEqualTo(subject);
    assertThat(received.getHeader(JakartaMailEmailGateway.REFERENCE_HEADER, null)).isEqualTo("msg-4711");
    assertThat(received.getMessageID()).isEqualTo(messageId).startsWith("<").endsWith("@oakfield.sch.uk>");

    assertThat(received.getContentType()).startsWith("multipart/alternative");
    MimeMultipart alternative = (MimeMultipart) received.getContent();
    assertThat(alternative.getCount()).isEqualTo(2);
    assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(normalised(alternative.getBodyPart(0).getContent())).isEqualTo(text);
    assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
    assertThat(normalised(alternative.getBodyPart(1).getContent())).isEqualTo(html);
  }

  @Test
  void a_text_only_email_is_plain_text_sent_exactly_as_rendered_without_a_reference_header() throws Exception {
    // The renderer has already dealt with HTML; the text part must not be escaped or unescaped here.
    String text = "Fish & chips <Friday> costs £2.50 & \"5 > 3\" &amp; stays as written.\nZoë – Ștefan";

    greenMailGateway().send(new EmailToSend(PARENT, "Menu", text, null));

    MimeMessage received = onlyReceived();
    assertThat(received.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(normalised(received.getContent())).isEqualTo(text);
    assertThat(received.getHeader(JakartaMailEmailGateway.REFERENCE_HEADER)).isNull();
  }

  @Test
  void a_pdf_letter_arrives_byte_for_byte_as_a_base64_attachment_beside_the_text() throws Exception {
    byte[] pdf = fakePdf();
    EmailToSend email = new EmailToSend(
        PARENT, "Letter about attendance", "Please see the attached letter.", "<p>Please see the attached letter.</p>",
        List.of(new EmailToSend.Attachment("attendance-letter-Łukasz.pdf", "application/pdf", pdf)), "msg-88");

    greenMailGateway().send(email);

    MimeMessage received = onlyReceived();
    assertThat(received.getContentType()).startsWith("multipart/mixed");
    MimeMultipart mixed = (MimeMultipart) received.getContent();
    assertThat(mixed.getCount()).isEqualTo(2);
    assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
    MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
    assertThat(normalised(alternative.getBodyPart(0).getContent())).isEqualTo("Please see the attached letter.");

    BodyPart letter = mixed.getBodyPart(1);
    assertThat(letter.getContentType()).startsWith("application/pdf");
    assertThat(letter.getDisposition()).isEqualToIgnoringCase(BodyPart.ATTACHMENT);
    assertThat(letter.getFileName()).isEqualTo("attendance-letter-Łukasz.pdf");
    assertThat(letter.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
    assertThat(bytesOf(letter)).isEqualTo(pdf);
    assertThat(GreenMailUtil.getWholeMessage(received)).contains("Content-Transfer-Encoding: base64");
  }

  @Test
  void even_a_pdf_of_plain_ascii_goes_as_base64_so_its_line_endings_survive() throws Exception {
    // A PDF with ASCII-hex streams has no byte above 127: left alone, Jakarta Mail would send it as
    // 7bit text and the mail servers would rewrite its bare CRs and LFs.
    byte[] pdf = ("%PDF-1.4\r1 0 obj\r<< /Length 12 /Filter /ASCIIHexDecode >>\rstream\n48656C6C6F>\n.\r\nendstream\r"
        + "endobj\n%%EOF\r").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    greenMailGateway().send(new EmailToSend(PARENT, "Letter", "See attached.", null,
        List.of(new EmailToSend.Attachment("letter.pdf", "application/pdf", pdf)), null));

    BodyPart letter = ((MimeMultipart) onlyReceived().getContent()).getBodyPart(1);
    assertThat(letter.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
    assertThat(bytesOf(letter)).isEqualTo(pdf);
  }

  @Test
  void an_attachment_on_a_text_only_email_sits_beside_a_plain_text_part() throws Exception {
    byte[] pdf = fakePdf();

    greenMailGateway().send(new EmailToSend(PARENT, "Letter", "See attached.", null,
        List.of(new EmailToSend.Attachment("letter.pdf", "application/pdf", pdf)), null));

    MimeMultipart mixed = (MimeMultipart) onlyReceived().getContent();
    assertThat(mixed.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(normalised(mixed.getBodyPart(0).getContent())).isEqualTo("See attached.");
    assertThat(bytesOf(mixed.getBodyPart(1))).isEqualTo(pdf);
  }

  @Test
  void a_mail_server_that_is_down_is_retryable_with_a_plain_reason() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    DeliveryFailure failure = catchThrowableOfType(
        () -> gatewayTo("127.0.0.1", closedPort).send(new EmailToSend(PARENT, "Hello", "Hi", null)), DeliveryFailure.class);

    assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.RETRYABLE);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.getMessage()).isEqualTo("The mail server could not be reached; will try again");
  }

  @Test
  void a_recipient_the_server_refuses_with_550_is_a_permanent_failure_with_the_code_and_no_address() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer("550 5.1.1 <" + PARENT + ">: Recipient address rejected", "250 Ok")) {
      DeliveryFailure failure = catchThrowableOfType(
          () -> gatewayTo(server.host(), server.port()).send(new EmailToSend(PARENT, "Hello", "Hi", null)),
          DeliveryFailure.class);

      assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.PERMANENT);
      assertThat(failure.providerCode()).isEqualTo("550");
      assertThat(failure.getMessage()).contains("refused this address").contains("550");
      assertThat(everythingSaidAbout(failure)).doesNotContain(PARENT);
      assertThat(server.commands()).doesNotContain("DATA");
    }
  }

  @Test
  void a_recipient_refused_for_now_with_451_is_retryable_with_the_code() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer("451 4.3.0 Try again later", "250 Ok")) {
      DeliveryFailure failure = catchThrowableOfType(
          () -> gatewayTo(server.host(), server.port()).send(new EmailToSend(PARENT, "Hello", "Hi", null)),
          DeliveryFailure.class);

      assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.RETRYABLE);
      assertThat(failure.providerCode()).isEqualTo("451");
    }
  }

  @Test
  void a_message_refused_after_its_content_with_554_is_permanent() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 2.1.5 Ok", "554 5.7.1 Message rejected")) {
      DeliveryFailure failure = catchThrowableOfType(
          () -> gatewayTo(server.host(), server.port()).send(new EmailToSend(PARENT, "Hello", "Hi", null)),
          DeliveryFailure.class);

      assertThat(server.receivedWholeMessage()).isTrue();
      assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.PERMANENT);
      assertThat(failure.providerCode()).isEqualTo("554");
    }
  }

  @Test
  void a_server_that_takes_the_whole_message_and_never_answers_leaves_the_outcome_unknown() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 2.1.5 Ok", null)) {
      DeliveryFailure failure = catchThrowableOfType(
          () -> gatewayTo(server.host(), server.port()).send(new EmailToSend(PARENT, "Hello", "Hi", "<p>Hi</p>", List.of(), "msg-9")),
          DeliveryFailure.class);

      assertThat(server.receivedWholeMessage()).isTrue();
      assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.OUTCOME_UNKNOWN);
      assertThat(failure.retryable()).isFalse();
      assertThat(failure.getMessage()).contains("may have been delivered");
    }
  }

  @Test
  void a_malformed_address_is_permanent_and_never_reaches_the_server() {
    for (String bad : new String[] {"not an address", "parent@", "two@example.org, three@example.org", "", null}) {
      DeliveryFailure failure = catchThrowableOfType(
          () -> greenMailGateway().send(new EmailToSend(bad, "Hello", "Hi", null)), DeliveryFailure.class);

      assertThat(failure).as(String.valueOf(bad)).isNotNull();
      assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.PERMANENT);
      assertThat(failure.getMessage()).isEqualTo("The email address is not valid");
    }
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void a_container_session_supplies_the_sender_address() throws Exception {
    Session session = MailSessions.fromConfig(greenMail.getSmtp().getBindTo(), greenMail.getSmtp().getPort(), null, null, false, QUICK);
    session.getProperties().setProperty("mail.from", SCHOOL_ADDRESS);

    JakartaMailEmailGateway.fromSessionSender(session, "Oakfield Primary").send(new EmailToSend(PARENT, "Hello", "Hi", null));

    InternetAddress from = (InternetAddress) onlyReceived().getFrom()[0];
    assertThat(from.getAddress()).isEqualTo(SCHOOL_ADDRESS);
    assertThat(from.getPersonal()).isEqualTo("Oakfield Primary");
  }

  private static MimeMessage onlyReceived() {
    assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage[] messages = greenMail.getReceivedMessages();
    assertThat(messages).hasSize(1);
    return messages[0];
  }

  /** Text as a reader sees it: mail transports lines with CRLF. */
  private static String normalised(Object content) {
    return content.toString().replace("\r\n", "\n");
  }

  private static byte[] bytesOf(BodyPart part) throws Exception {
    try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  /**
   * A PDF-like file as PDFBox writes them: mostly text (so Jakarta Mail alone would pick
   * quoted-printable), with a binary comment, one stream of every byte value, bare CRs and LFs, and
   * a line that is only a dot.
   */
  private static byte[] fakePdf() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    for (int object = 1; object <= 60; object++) {
      out.write((object + " 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    out.write("stream\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    for (int b = 0; b < 256; b++) {
      out.write(b);
    }
    out.write(new byte[] {'\r', '.', '\r', '\n', '.', '\n', '\r'});
    out.write("\nendstream\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static String everythingSaidAbout(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    return all.toString();
  }
}

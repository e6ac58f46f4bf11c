package org.schoolgate.messaging.adapter.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * Mail sessions made without the application server (tests, benchmarks, tools). In the server the
 * session comes from the {@code mail/schoolgate} resource that payara-config/post-boot.asadmin
 * creates with the same settings.
 */
public final class MailSessions {

  private MailSessions() {}

  /**
   * How long to wait for the mail server: to connect, for each reply, and for each write. Without
   * them Jakarta Mail waits forever and one silent server would stall the outbox.
   */
  public record Timeouts(Duration connect, Duration read, Duration write) {

    /** 10 s to connect, 30 s for a reply or a write: generous for a relay, short enough for a queue. */
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30));

    public Timeouts {
      for (Duration d : new Duration[] {connect, read, write}) {
        if (d == null || d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("Mail timeouts must be positive");
        }
      }
    }
  }

  /**
   * A session for one SMTP server. With a blank user the session does not sign in; with STARTTLS on,
   * it refuses to send over a connection that could not be upgraded to TLS.
   */
  public static Session fromConfig(
      String host, int port, String user, String password, boolean startTls, Timeouts timeouts) {
    Objects.requireNonNull(host, "host");
    Timeouts t = timeouts == null ? Timeouts.DEFAULT : timeouts;
    Properties props = new Properties();
    props.setProperty("mail.transport.protocol", "smtp");
    props.setProperty("mail.smtp.host", host);
    props.setProperty("mail.smtp.port", Integer.toString(port));
    props.setProperty("mail.smtp.connectiontimeout", Long.toString(t.connect().toMillis()));
    props.setProperty("mail.smtp.timeout", Long.toString(t.read().toMillis()));
    props.setProperty("mail.smtp.writetimeout", Long.toString(t.write().toMillis()));
    props.setProperty("mail.smtp.starttls.enable", Boolean.toString(startTls));
    props.setProperty("mail.smtp.starttls.required", Boolean.toString(startTls));
    // Once the message is accepted, do not wait for the server's goodbye.
    props.setProperty("mail.smtp.quitwait", "false");
    // Names such as "Zoë" or "Łukasz" in attachment file names travel as RFC 2231 parameters.
    props.setProperty("mail.mime.encodeparameters", "true");

    boolean signIn = user != null && !user.isBlank();
    if (!signIn) {
      props.setProperty("mail.smtp.auth", "false");
      return Session.getInstance(props);
    }
    props.setProperty("mail.smtp.auth", "true");
    props.setProperty("mail.smtp.user", user);
    PasswordAuthentication credentials = new PasswordAuthentication(user, password == null ? "" : password);
    return Session.getInstance(
        props,
        new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return credentials;
          }
        });
  }
}

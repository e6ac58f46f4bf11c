package org.schoolgate.messaging.adapter.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schoolgate.messaging.port.EmailGateway;
import org.schoolgate.messaging.port.EmailToSend;

/**
 * Email through the application server's mail session ({@code mail/schoolgate}, created by
 * payara-config/post-boot.asadmin from the SCHOOLGATE_SMTP_* environment), sent under the name
 * {@code schoolgate.mail.from-name}.
 */
@ApplicationScoped
@Typed(ServerMailGateway.class)
public class ServerMailGateway implements EmailGateway {

  @Resource(lookup = "mail/schoolgate")
  private Session session;

  private String fromName;
  private volatile JakartaMailEmailGateway gateway;

  protected ServerMailGateway() {}

  @Inject
  public ServerMailGateway(@ConfigProperty(name = "schoolgate.mail.from-name", defaultValue = "Schoolgate") String fromName) {
    this.fromName = fromName;
  }

  @Override
  public String send(EmailToSend email) {
    JakartaMailEmailGateway known = gateway;
    if (known == null) {
      known = JakartaMailEmailGateway.fromSessionSender(session, fromName);
      gateway = known;
    }
    return known.send(email);
  }
}

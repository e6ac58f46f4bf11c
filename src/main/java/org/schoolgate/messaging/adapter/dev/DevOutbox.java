package org.schoolgate.messaging.adapter.dev;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.schoolgate.messaging.port.EmailGateway;
import org.schoolgate.messaging.port.EmailToSend;
import org.schoolgate.messaging.port.SmsGateway;
import org.schoolgate.messaging.port.SmsToSend;

/**
 * The demo's stand-in for an SMS provider and a mail server: messages are kept in a table and
 * shown on the dev outbox page, never sent to the internet. Switched on by
 * {@code schoolgate.dev-outbox=true}; never in production.
 */
@ApplicationScoped
@Typed(DevOutbox.class)
public class DevOutbox implements SmsGateway, EmailGateway {

  private static final Logger LOG = Logger.getLogger(DevOutbox.class.getName());

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  private Clock clock;

  protected DevOutbox() {}

  @Inject
  public DevOutbox(Clock clock) {
    this.clock = clock;
  }

  /** One message held in the dev outbox. */
  public record Held(UUID id, OffsetDateTime createdAt, String channel, String destination, String subject, String body) {}

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public String send(SmsToSend sms) {
    return hold("SMS", sms.toE164(), null, sms.body());
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public String send(EmailToSend email) {
    return hold("EMAIL", email.to(), email.subject(), email.textBody());
  }

  private String hold(String channel, String destination, String subject, String body) {
    UUID id = UUID.randomUUID();
    em.createNativeQuery(
            "insert into dev_outbox (id, created_at, channel, destination, subject, body) values (?, ?, ?, ?, ?, ?)")
        .setParameter(1, id)
        .setParameter(2, OffsetDateTime.now(clock))
        .setParameter(3, channel)
        .setParameter(4, destination)
        .setParameter(5, subject)
        .setParameter(6, body.length() > 4000 ? body.substring(0, 4000) : body)
        .executeUpdate();
    // Demo only: the dev outbox is the one place message text may reach the log.
    LOG.info(() -> "[dev outbox] " + channel + " to " + destination + ": " + body);
    return "dev-" + id;
  }

  /** The newest held messages, optionally only those to one destination. */
  @Transactional
  public List<Held> recent(String destination, int limit) {
    String sql =
        "select id, created_at, channel, destination, subject, body from dev_outbox"
            + (destination == null ? "" : " where destination = ?")
            + " order by created_at desc";
    var query = em.createNativeQuery(sql);
    if (destination != null) {
      query.setParameter(1, destination);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.setMaxResults(limit).getResultList();
    return rows.stream()
        .map(
            r ->
                new Held(
                    r[0] instanceof UUID u ? u : UUID.fromString(r[0].toString()),
                    toOffset(r[1]),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5]))
        .toList();
  }

  private static OffsetDateTime toOffset(Object value) {
    if (value instanceof OffsetDateTime o) {
      return o;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
    if (value instanceof java.time.Instant i) {
      return i.atOffset(java.time.ZoneOffset.UTC);
    }
    return OffsetDateTime.parse(value.toString());
  }
}

package org.schoolgate.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.schoolgate.messaging.application.OutboxDispatcher.ChannelSender;
import org.schoolgate.messaging.adapter.twilio.TwilioClients;
import org.schoolgate.messaging.adapter.twilio.TwilioSmsGateway;
import org.schoolgate.messaging.application.OutboxDispatcher.Settings;
import org.schoolgate.messaging.domain.DeliveryStatus;
import org.schoolgate.messaging.port.SmsToSend;
import org.schoolgate.testing.TwilioStandIn;
import org.schoolgate.messaging.application.OutboxStore.NewMessage;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.QuietHours;
import org.schoolgate.messaging.domain.RetryPolicy;
import org.schoolgate.messaging.template.MessageTemplate;
import org.schoolgate.platform.persistence.TestDatabases;
import org.schoolgate.platform.persistence.TestDatabases.Database;
import org.schoolgate.platform.persistence.TestDatabases.Engine;

/**
 * 20,000 sign-in texts rendered, saved through the outbox in batches at a steady rate and sent by
 * the dispatcher through the Twilio adapter (the SDK) to the local stand-in for Twilio's API, on
 * embedded PostgreSQL. Prints the
 * sustained rate and the time from saving to hand-over, and checks every text was sent exactly
 * once. Settings come from system properties (bench.rate, bench.threads, bench.claim, bench.pool).
 *
 * <p>The provider is reached through {@link ChannelSender}: the Twilio adapter plugs in there in
 * place of {@link HttpSmsSender}.
 */
class MessagingBenchmark {

  @RegisterExtension static final TestDatabases databases = new TestDatabases();

  private static final int TEXTS = Integer.getInteger("bench.texts", 20_000);
  /** Texts saved a second (0: all as fast as they can be saved, to measure the dispatcher's ceiling). */
  private static final int RATE = Integer.getInteger("bench.rate", 1_000);
  private static final int SENDER_THREADS = Integer.getInteger("bench.threads", 16);
  private static final int CLAIM_BATCH = Integer.getInteger("bench.claim", 200);
  private static final int POOL = Integer.getInteger("bench.pool", 6);
  private static final MessageTemplate TEMPLATE = MessageTemplate.load("sign-in-code");

  @Test
  void twenty_thousand_texts_go_out_at_a_thousand_a_second_each_exactly_once() throws Exception {
    Database database = databases.migrated(Engine.POSTGRESQL);
    try (PooledDataSource pool = new PooledDataSource(database.dataSource(), POOL);
        TwilioStandIn provider = TwilioStandIn.start()) {
      OutboxStore store = new OutboxStore(pool);
      UUID school = new OutboxFixtures(database.dataSource()).school();
      history(pool, school);
      // The production path: the Twilio adapter over the SDK, to the local stand-in for Twilio's API.
      TwilioSmsGateway twilio = new TwilioSmsGateway(
          TwilioClients.create(TwilioStandIn.ACCOUNT_SID, TwilioStandIn.AUTH_TOKEN, provider.baseUri(), Duration.ofSeconds(30)),
          "+447700100200");
      ChannelSender texts = m -> new OutboxDispatcher.Sent(twilio.send(new SmsToSend(m.destination(), m.body(), null)),
          DeliveryStatus.SENDING, null);
      OutboxDispatcher dispatcher =
          new OutboxDispatcher(store, Map.of(Channel.SMS, texts),
              new Settings("bench-node", SENDER_THREADS, CLAIM_BATCH, Duration.ofMillis(50), Duration.ofMinutes(10), Map.of(),
                  QuietHours.parse("", ZoneId.of("Europe/London")), RetryPolicy.defaults()),
              Clock.systemUTC(), r -> new Thread(r));
      dispatcher.start();
      long start = System.nanoTime();
      try {
        int batch = RATE == 0 ? 500 : Math.max(1, RATE / 10);
        long every = RATE == 0 ? 0 : TimeUnit.MILLISECONDS.toNanos(100);
        for (int saved = 0, round = 0; saved < TEXTS; saved += batch, round++) {
          long due = start + round * every;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
          List<NewMessage> rendered = render(school, Math.min(batch, TEXTS - saved));
          try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            store.insert(c, rendered, OffsetDateTime.now());
            c.commit();
          }
          dispatcher.wake();
          if (round % 50 == 0) {
            System.out.printf("  %.1f s: saved %d, provider received %d, recorded %d%n", (System.nanoTime() - start) / 1e9, saved,
                provider.count(), handedOver(pool, school));
          }
        }
        long savedAll = System.nanoTime();
        long deadline = savedAll + TimeUnit.MINUTES.toNanos(5);
        // Polled gently: counting 20,000 rows is work the database would otherwise spend recording.
        while (handedOver(pool, school) < TEXTS && System.nanoTime() < deadline) {
          Thread.sleep(500);
        }
        System.out.printf("Saved %d texts in %.1f s%n", TEXTS, (savedAll - start) / 1e9);
      } finally {
        dispatcher.stop();
      }

      try (Connection c = pool.getConnection();
          PreparedStatement q =
              c.prepareStatement(
                  "select count(*), extract(epoch from max(sent_at) - min(created_at)),"
                      + " percentile_cont(0.5) within group (order by extract(epoch from sent_at - created_at)),"
                      + " percentile_cont(0.95) within group (order by extract(epoch from sent_at - created_at)),"
                      + " max(extract(epoch from sent_at - created_at))"
                      + " from outbound_message where school_id = ? and provider_reference is not null and purpose <> 'history'")) {
        q.setObject(1, school);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          long sent = rs.getLong(1);
          double seconds = rs.getDouble(2);
          double rate = sent / seconds;
          double p50 = rs.getDouble(3);
          double p95 = rs.getDouble(4);
          double max = rs.getDouble(5);
          Map<String, Long> perNumber = provider.requests().stream()
              .collect(java.util.stream.Collectors.groupingBy(TwilioStandIn.Received::to, java.util.stream.Collectors.counting()));
          long twice = perNumber.values().stream().filter(n -> n != 1).count();
          System.out.printf(
              "MessagingBenchmark: %d texts, saved at %s/s, %d sender threads, claim batch %d, pool %d:"
                  + " %.0f texts/s sustained (first saved to last handed over %.1f s); saved-to-sent p50 %.3f s, p95 %.3f s, max %.3f s;"
                  + " provider received %d, %d more than once%n",
              TEXTS, RATE == 0 ? "max" : String.valueOf(RATE), SENDER_THREADS, CLAIM_BATCH, POOL, rate, seconds, p50, p95, max,
              provider.count(), twice);
          assertThat(sent).as("texts with a provider reference").isEqualTo(TEXTS);
          assertThat(provider.count()).as("requests the provider received").isEqualTo(TEXTS);
          assertThat(perNumber).as("distinct texts received").hasSize(TEXTS);
          assertThat(twice).isZero();
          assertThat(rate).as("texts a second").isGreaterThanOrEqualTo(1_000);
          if (RATE != 0) {
            assertThat(p95).as("p95 seconds from saved to sent").isLessThanOrEqualTo(2.0);
          }
        }
      }
    }
  }

  private static final AtomicInteger CODES = new AtomicInteger(100_000);

  private static List<NewMessage> render(UUID school, int n) {
    List<NewMessage> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String code = String.valueOf(CODES.getAndIncrement());
      String body = TEMPLATE.render("sms", "en", Map.of("code", code, "minutes", "10"));
      out.add(new NewMessage(UUID.randomUUID(), school, null, Channel.SMS, "SIGN_IN_CODE", TEMPLATE.id(), 1, TEMPLATE.hash(), "en",
          "+447400" + code, null, body, null, "{\"minutes\":\"10\"}", 1, "GSM7", OffsetDateTime.now(), null, null, "system",
          List.of(), List.of(), "Sign-in code"));
    }
    return out;
  }

  /** Messages a school's outbox already holds by November (delivered weeks ago), and fresh statistics. */
  private static final int HISTORY = Integer.getInteger("bench.history", 100_000);

  private static void history(PooledDataSource pool, UUID school) throws Exception {
    try (Connection c = pool.getConnection(); java.sql.Statement st = c.createStatement()) {
      st.execute("insert into outbound_message (id, school_id, channel, purpose, template_id, template_version, template_hash, language,"
          + " destination, body, merge_values, status, attempts, next_attempt_at, created_by, created_at, sent_at, delivered_at, updated_at,"
          + " provider_reference) select gen_random_uuid(), '" + school + "', 'SMS', 'history', 'sign-in-code', 0, 'h', 'en',"
          + " '+44740099' || lpad(g::text, 4, '0'), 'An earlier text', '{}', 'DELIVERED', 1, now() - interval '30 days', 'system',"
          + " now() - interval '30 days', now() - interval '30 days', now() - interval '30 days', now() - interval '30 days',"
          + " 'SMhistory' || g from generate_series(1, " + HISTORY + ") g");
      st.execute("analyze");
    }
    history = HISTORY;
  }

  private static long history;

  private static long handedOver(PooledDataSource pool, UUID school) throws Exception {
    try (Connection c = pool.getConnection();
        PreparedStatement q =
            c.prepareStatement("select count(*) from outbound_message where school_id = ? and provider_reference is not null")) {
      q.setObject(1, school);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1) - history;
      }
    }
  }
}

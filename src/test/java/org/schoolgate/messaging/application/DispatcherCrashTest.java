package org.schoolgate.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;
import org.schoolgate.messaging.application.OutboxDispatcher.Settings;
import org.schoolgate.messaging.application.OutboxStore.NewMessage;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.QuietHours;
import org.schoolgate.messaging.domain.RetryPolicy;
import org.schoolgate.platform.persistence.TestDatabases;
import org.schoolgate.platform.persistence.TestDatabases.Database;
import org.schoolgate.platform.persistence.TestDatabases.Engine;

/**
 * A dispatcher in its own JVM is killed part-way through 2,000 texts, with some of them taken by
 * the provider and not yet answered; a new dispatcher then finishes the job. No family gets a text
 * twice, none is lost, and every text whose fate is unknown waits for a person.
 */
class DispatcherCrashTest {

  @RegisterExtension static final TestDatabases databases = new TestDatabases();

  private static final int MESSAGES = 2_000;
  private static final int ANSWERED_BEFORE_THE_CRASH = 400;

  @Test
  void a_dispatcher_killed_part_way_sends_no_text_twice_and_loses_none() throws Exception {
    Database database = databases.migrated(Engine.POSTGRESQL);
    OutboxStore store = new OutboxStore(database.dataSource());
    OutboxFixtures db = new OutboxFixtures(database.dataSource());
    UUID school = db.school();
    OffsetDateTime now = OffsetDateTime.now();
    List<NewMessage> texts = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      texts.add(OutboxFixtures.sms(school, now.minusSeconds(1)));
    }
    for (int from = 0; from < MESSAGES; from += 500) {
      db.insert(store, texts.subList(from, from + 500), now);
    }

    try (StandInSmsProvider provider = new StandInSmsProvider(32)) {
      provider.answerOnly(ANSWERED_BEFORE_THE_CRASH);
      Process child = startChild(((PGSimpleDataSource) database.dataSource()).getUrl(), provider);
      try {
        awaitUntil(() -> provider.total() > ANSWERED_BEFORE_THE_CRASH, 120, "the child to send");
        // Requests beyond the answered ones are held: the provider has them, the child never hears back.
        awaitUntil(() -> provider.total() >= ANSWERED_BEFORE_THE_CRASH + 8, 60, "the child to have texts in hand");
        awaitUntil(() -> recordedWithReference(db, school) > ANSWERED_BEFORE_THE_CRASH / 2, 60, "the child to record outcomes");
      } finally {
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child died").isTrue();
      }
      int beforeRestart = provider.total();
      provider.answerAgain();
      assertThat(beforeRestart).as("killed part-way").isLessThan(MESSAGES);

      OutboxDispatcher restarted =
          new OutboxDispatcher(
              store,
              Map.of(Channel.SMS, new HttpSmsSender(provider.uri(), Duration.ofSeconds(30))),
              new Settings("restarted-node", 8, 50, Duration.ofMillis(20), Duration.ofSeconds(2), Map.of(),
                  QuietHours.parse("", ZoneId.of("Europe/London")), RetryPolicy.defaults()),
              Clock.systemUTC(),
              r -> new Thread(r));
      restarted.start();
      try {
        awaitUntil(() -> db.count("select count(*) from outbound_message where school_id = ? and (status = 'CREATED'"
            + " or (status = 'SENDING' and provider_reference is null and review_reason is null))", school) == 0,
            180, "every text to be sent or put in review");
      } finally {
        restarted.stop();
      }

      Map<String, AtomicInteger> received = provider.received();
      Map<UUID, Map<String, Object>> rows = new HashMap<>();
      for (Map<String, Object> row : db.rows("select id, status, provider_reference, review_reason from outbound_message where school_id = ?",
          school)) {
        rows.put((UUID) row.get("id"), row);
      }
      assertThat(rows).as("none lost").hasSize(MESSAGES);
      assertThat(received.values()).as("no text received twice").allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
      int inReview = 0;
      for (NewMessage text : texts) {
        Map<String, Object> row = rows.get(text.id());
        int times = received.containsKey(text.id().toString()) ? received.get(text.id().toString()).get() : 0;
        if (row.get("review_reason") != null) {
          assertThat(row.get("status")).isEqualTo("SENDING");
          assertThat(times).as("text in review received at most once").isLessThanOrEqualTo(1);
          inReview++;
        } else {
          assertThat(row.get("status")).as("text " + text.id()).isIn("SENDING", "SENT");
          assertThat(row.get("provider_reference")).as("text " + text.id()).isEqualTo("SM" + text.id().toString().replace("-", ""));
          assertThat(times).as("text sent once").isEqualTo(1);
        }
      }
      assertThat(inReview).as("the texts the provider held unanswered went to review").isGreaterThanOrEqualTo(8);
      assertThat(inReview).as("most texts were sent").isLessThan(MESSAGES / 4);
      System.out.printf("Crash test: %d received before the kill, %d in review, %d sent, %d received in all%n",
          beforeRestart, inReview, MESSAGES - inReview, provider.total());
    }
  }

  private static long recordedWithReference(OutboxFixtures db, UUID school) throws Exception {
    return db.count("select count(*) from outbound_message where school_id = ? and provider_reference is not null", school);
  }

  private static Process startChild(String jdbcUrl, StandInSmsProvider provider) throws Exception {
    Path log = Files.createTempFile("dispatcher-child", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            DispatcherCrashChild.class.getName(),
            jdbcUrl,
            provider.uri().toString());
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return builder.start();
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  private static void awaitUntil(Condition condition, int seconds, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited " + seconds + " s for " + what);
      }
      Thread.sleep(20);
    }
  }
}

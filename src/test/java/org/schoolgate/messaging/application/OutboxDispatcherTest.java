package org.schoolgate.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolgate.messaging.application.OutboxFixtures.message;
import static org.schoolgate.messaging.application.OutboxFixtures.sms;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.schoolgate.messaging.application.OutboxDispatcher.ChannelSender;
import org.schoolgate.messaging.application.OutboxDispatcher.Pacer;
import org.schoolgate.messaging.application.OutboxDispatcher.Sent;
import org.schoolgate.messaging.application.OutboxDispatcher.Settings;
import org.schoolgate.messaging.application.OutboxStore.Claimed;
import org.schoolgate.messaging.application.OutboxStore.NewMessage;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.DeliveryStatus;
import org.schoolgate.messaging.domain.QuietHours;
import org.schoolgate.messaging.domain.RetryPolicy;
import org.schoolgate.messaging.port.DeliveryFailure;
import org.schoolgate.messaging.port.DeliveryFailure.Kind;
import org.schoolgate.platform.persistence.TestDatabases;
import org.schoolgate.platform.persistence.TestDatabases.Database;
import org.schoolgate.platform.persistence.TestDatabases.Engine;

/** The dispatcher against real PostgreSQL, with channels that are plain classes and a clock set by hand. */
class OutboxDispatcherTest {

  @RegisterExtension static final TestDatabases databases = new TestDatabases();

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final ZonedDateTime MONDAY_10AM = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, LONDON);

  private final MutableClock clock = new MutableClock(MONDAY_10AM);
  private final List<OutboxDispatcher> started = new ArrayList<>();
  private OutboxStore store;
  private OutboxFixtures db;
  private UUID school;

  private static final Function<Claimed, Sent> ACCEPTED_TEXT = m -> new Sent("SM" + m.id(), DeliveryStatus.SENDING, null);
  private static final Function<Claimed, Sent> TAKEN_BY_MAIL_SERVER = m -> new Sent(null, DeliveryStatus.SENT, "250 OK");

  private final ScriptedSender texts = new ScriptedSender(ACCEPTED_TEXT);
  private final ScriptedSender emails = new ScriptedSender(TAKEN_BY_MAIL_SERVER);

  @BeforeEach
  void database() throws SQLException {
    Database database = databases.migrated(Engine.POSTGRESQL);
    store = new OutboxStore(database.dataSource());
    db = new OutboxFixtures(database.dataSource());
    db.nothingElseWaiting();
    school = db.school();
  }

  @AfterEach
  void stopAll() {
    started.forEach(OutboxDispatcher::stop);
  }

  @Test
  void each_channel_hands_its_messages_over_once_and_records_what_the_channel_said() throws Exception {
    ScriptedSender letters = new ScriptedSender(m -> new Sent(null, DeliveryStatus.SENT, "In print batch"));
    ScriptedSender portal = new ScriptedSender(m -> new Sent(null, DeliveryStatus.DELIVERED, null));
    NewMessage text = sms(school, now());
    NewMessage email = message(school, null, Channel.EMAIL, now(), null, List.of(), List.of());
    NewMessage letter = message(school, null, Channel.LETTER, now(), null, List.of(), List.of());
    NewMessage inApp = message(school, null, Channel.IN_APP, now(), null, List.of(), List.of());
    db.insert(store, List.of(text, email, letter, inApp), now());

    start(settings(), Map.of(Channel.SMS, texts, Channel.EMAIL, emails, Channel.LETTER, letters, Channel.IN_APP, portal));
    awaitStatus(text.id(), "SENDING", true);
    awaitStatus(inApp.id(), "DELIVERED", false);
    awaitStatus(email.id(), "SENT", false);
    awaitStatus(letter.id(), "SENT", false);

    assertThat(db.row(text.id())).containsEntry("provider_reference", "SM" + text.id()).containsEntry("attempts", 1);
    assertThat(db.time(text.id(), "sent_at")).isNotNull();
    assertThat(db.time(inApp.id(), "delivered_at")).isNotNull();
    assertThat(List.of(texts.timesHandedOver(text.id()), emails.timesHandedOver(email.id()), letters.timesHandedOver(letter.id()),
        portal.timesHandedOver(inApp.id()))).containsOnly(1L);
    assertThat(db.events(email.id())).extracting(e -> e.get("status")).containsExactly("CREATED", "SENDING", "SENT");
  }

  @Test
  void at_nine_in_the_evening_a_text_waits_until_half_past_seven_while_an_email_goes() throws Exception {
    clock.set(MONDAY_10AM.withHour(21));
    NewMessage text = sms(school, now());
    NewMessage email = message(school, null, Channel.EMAIL, now(), null, List.of(), List.of());
    db.insert(store, List.of(text, email), now());

    OutboxDispatcher dispatcher = start(settings(), Map.of(Channel.SMS, texts, Channel.EMAIL, emails));
    awaitStatus(email.id(), "SENT", false);
    awaitEvent(text.id(), "Held for quiet hours until 07:30");

    assertThat(db.row(text.id())).containsEntry("status", "CREATED").containsEntry("attempts", 0);
    assertThat(db.time(text.id(), "next_attempt_at")).isEqualTo(MONDAY_10AM.plusDays(1).withHour(7).withMinute(30).toOffsetDateTime());
    assertThat(texts.handedOver).isEmpty();

    clock.set(MONDAY_10AM.plusDays(1).withHour(7).withMinute(29));
    dispatcher.wake();
    pollsGoBy(dispatcher);
    assertThat(texts.handedOver).as("not a minute early").isEmpty();

    clock.set(MONDAY_10AM.plusDays(1).withHour(7).withMinute(30));
    dispatcher.wake();
    awaitStatus(text.id(), "SENDING", true);
    assertThat(db.row(text.id())).containsEntry("attempts", 1);
    assertThat(texts.timesHandedOver(text.id())).isEqualTo(1);
  }

  @Test
  void a_provider_saying_not_now_is_tried_again_after_the_back_off_and_then_succeeds() throws Exception {
    NewMessage text = sms(school, now());
    db.insert(store, List.of(text), now());
    texts.then(text.id(), m -> {
      throw new DeliveryFailure("The text service is busy", Kind.RETRYABLE, "20429", null);
    });

    OutboxDispatcher dispatcher = start(settings(), Map.of(Channel.SMS, texts));
    awaitEvent(text.id(), "The text service is busy (try 1 of 3; next at 10:00)");
    assertThat(db.row(text.id())).containsEntry("status", "CREATED").containsEntry("provider_code", "20429");
    assertThat(db.time(text.id(), "next_attempt_at")).isEqualTo(now().plusSeconds(30));

    clock.advance(Duration.ofSeconds(29));
    dispatcher.wake();
    pollsGoBy(dispatcher);
    assertThat(texts.timesHandedOver(text.id())).as("not before the back-off").isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    dispatcher.wake();
    awaitStatus(text.id(), "SENDING", true);
    assertThat(db.row(text.id())).containsEntry("attempts", 2).containsEntry("failure_reason", null);
    assertThat(texts.timesHandedOver(text.id())).isEqualTo(2);
  }

  @Test
  void after_the_last_try_the_message_is_a_technical_failure_with_the_reason() throws Exception {
    NewMessage text = sms(school, now());
    db.insert(store, List.of(text), now());
    ScriptedSender busy = new ScriptedSender(m -> {
      throw new DeliveryFailure("The text service could not be reached", true, null);
    });

    OutboxDispatcher dispatcher = start(settings(), Map.of(Channel.SMS, busy));
    for (int tries = 1; tries < 3; tries++) {
      int expected = tries;
      await(() -> db.row(text.id()).get("attempts").equals(expected) && "CREATED".equals(db.status(text.id())));
      clock.advance(Duration.ofHours(1));
      dispatcher.wake();
    }
    awaitStatus(text.id(), "TECHNICAL_FAILURE", false);

    assertThat(db.row(text.id()).get("failure_reason")).isEqualTo("Gave up after 3 tries: The text service could not be reached");
    assertThat(busy.timesHandedOver(text.id())).isEqualTo(3);
  }

  @Test
  void a_number_the_provider_will_never_take_keeps_the_reason_for_staff() throws Exception {
    NewMessage text = sms(school, now());
    db.insert(store, List.of(text), now());
    texts.then(text.id(), m -> {
      throw new DeliveryFailure("This number cannot receive texts", Kind.PERMANENT, "21614", null);
    });

    start(settings(), Map.of(Channel.SMS, texts));
    awaitStatus(text.id(), "PERMANENT_FAILURE", false);

    assertThat(db.row(text.id())).containsEntry("failure_reason", "This number cannot receive texts").containsEntry("provider_code", "21614");
  }

  @Test
  void a_timeout_after_the_provider_may_have_taken_it_goes_to_review_and_is_not_sent_again() throws Exception {
    NewMessage text = sms(school, now());
    db.insert(store, List.of(text), now());
    texts.then(text.id(), m -> {
      throw new DeliveryFailure("No answer from the text service within 10 seconds", Kind.OUTCOME_UNKNOWN, null, null);
    });

    OutboxDispatcher dispatcher = start(settings(), Map.of(Channel.SMS, texts));
    await(() -> db.row(text.id()).get("review_reason") != null);
    clock.advance(Duration.ofHours(2));
    dispatcher.wake();
    pollsGoBy(dispatcher);

    assertThat(db.row(text.id())).containsEntry("status", "SENDING")
        .containsEntry("review_reason", "No answer from the text service within 10 seconds");
    assertThat(store.reviewQueue(school, 10)).extracting(OutboxStore.InReview::id).containsExactly(text.id());
    assertThat(texts.timesHandedOver(text.id())).isEqualTo(1);
  }

  @Test
  void an_unexpected_error_while_sending_goes_to_review() throws Exception {
    NewMessage email = message(school, null, Channel.EMAIL, now(), null, List.of(), List.of());
    db.insert(store, List.of(email), now());
    emails.then(email.id(), m -> {
      throw new IllegalStateException("connection reset");
    });

    start(settings(), Map.of(Channel.EMAIL, emails));
    await(() -> db.row(email.id()).get("review_reason") != null);

    assertThat(db.row(email.id())).containsEntry("status", "SENDING");
    assertThat(db.row(email.id()).get("review_reason")).asString().contains("IllegalStateException").contains("may or may not have gone");
  }

  @Test
  void texts_are_handed_over_no_faster_than_the_channel_rate() throws Exception {
    List<NewMessage> twenty = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      twenty.add(sms(school, now()));
    }
    db.insert(store, twenty, now());
    // Time for the rate limit runs only when the limiter waits, so the test counts waits, not milliseconds.
    AtomicLong virtualNanos = new AtomicLong();
    List<Long> slept = new CopyOnWriteArrayList<>();
    Pacer pacer = new Pacer() {
      @Override
      public long nanoTime() {
        return virtualNanos.get();
      }

      @Override
      public void sleepNanos(long nanos) {
        slept.add(nanos);
        virtualNanos.addAndGet(nanos);
      }
    };
    List<Long> handedOverAt = new CopyOnWriteArrayList<>();
    ScriptedSender timed = new ScriptedSender(m -> {
      handedOverAt.add(virtualNanos.get());
      return ACCEPTED_TEXT.apply(m);
    });
    Settings oneThread = new Settings("node-test", 1, 50, Duration.ofMillis(20), Duration.ofMinutes(10), Map.of(Channel.SMS, 10),
        QuietHours.defaults(LONDON), new RetryPolicy(3, Duration.ofSeconds(30), Duration.ofHours(1)));

    OutboxDispatcher dispatcher = new OutboxDispatcher(store, Map.of(Channel.SMS, timed), oneThread, clock, Executors.defaultThreadFactory(), pacer);
    started.add(dispatcher);
    dispatcher.start();
    await(() -> db.count("select count(*) from outbound_message where school_id = ? and status = 'SENDING' and provider_reference is not null",
        school) == 20);

    assertThat(handedOverAt).hasSize(20);
    for (int i = 1; i < handedOverAt.size(); i++) {
      assertThat(handedOverAt.get(i) - handedOverAt.get(i - 1)).as("gap before hand-over %d", i).isGreaterThanOrEqualTo(100_000_000L);
    }
    assertThat(slept).hasSize(19);
  }

  @Test
  void stopping_records_the_message_in_hand_and_puts_the_rest_back_to_wait() throws Exception {
    List<NewMessage> five = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      five.add(sms(school, now().minusSeconds(5 - i)));
    }
    db.insert(store, five, now());
    CountDownLatch inHand = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ScriptedSender slow = new ScriptedSender(m -> {
      inHand.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ACCEPTED_TEXT.apply(m);
    });
    Settings oneThread = new Settings("node-test", 1, 50, Duration.ofMillis(20), Duration.ofMinutes(10), Map.of(),
        QuietHours.defaults(LONDON), RetryPolicy.defaults());
    OutboxDispatcher dispatcher = new OutboxDispatcher(store, Map.of(Channel.SMS, slow), oneThread, clock, Executors.defaultThreadFactory());
    dispatcher.start();
    assertThat(inHand.await(30, TimeUnit.SECONDS)).isTrue();

    Thread stopper = new Thread(dispatcher::stop, "stopper");
    stopper.start();
    // stop() first stops the loops, then waits for the message in hand: let it finish only then.
    await(() -> stopper.getState() == Thread.State.TIMED_WAITING || stopper.getState() == Thread.State.WAITING);
    release.countDown();
    stopper.join(60_000);

    assertThat(stopper.isAlive()).isFalse();
    assertThat(slow.handedOver).hasSize(1);
    UUID sent = slow.handedOver.get(0).id();
    assertThat(db.row(sent)).containsEntry("status", "SENDING").containsEntry("provider_reference", "SM" + sent);
    long putBack = db.count("select count(*) from outbound_message where school_id = ? and status = 'CREATED' and attempts = 0", school);
    long claimedNow = db.count("select count(*) from outbound_message where school_id = ? and status = 'SENDING' and provider_reference is null",
        school);
    assertThat(putBack).isEqualTo(4);
    assertThat(claimedNow).as("nothing left half-sent").isZero();
  }

  // ---- helpers -----------------------------------------------------------------------------------

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private static Settings settings() {
    return new Settings("node-test", 2, 50, Duration.ofMillis(20), Duration.ofMinutes(10), Map.of(),
        QuietHours.defaults(LONDON), new RetryPolicy(3, Duration.ofSeconds(30), Duration.ofHours(1)));
  }

  private OutboxDispatcher start(Settings settings, Map<Channel, ChannelSender> senders) {
    OutboxDispatcher dispatcher = new OutboxDispatcher(store, senders, settings, clock, Executors.defaultThreadFactory());
    started.add(dispatcher);
    dispatcher.start();
    return dispatcher;
  }

  private void awaitStatus(UUID id, String status, boolean withReference) throws Exception {
    await(() -> {
      Map<String, Object> row = db.row(id);
      return status.equals(row.get("status")) && (!withReference || row.get("provider_reference") != null);
    });
  }

  private void awaitEvent(UUID id, String detail) throws Exception {
    await(() -> db.events(id).stream().anyMatch(e -> detail.equals(e.get("detail"))));
  }

  /** Lets the claiming loop look at the outbox a few times (it would have acted by then). */
  private void pollsGoBy(OutboxDispatcher dispatcher) throws Exception {
    long before = dispatcher.claims();
    await(() -> dispatcher.claims() >= before + 3);
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  private static void await(Condition condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not so within 30 s");
      }
      Thread.sleep(10);
    }
  }
}

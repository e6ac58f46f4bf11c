package org.schoolgate.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.schoolgate.messaging.application.OutboxFixtures.message;
import static org.schoolgate.messaging.application.OutboxFixtures.sms;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.schoolgate.messaging.application.OutboxStore.Claimed;
import org.schoolgate.messaging.application.OutboxStore.NewMessage;
import org.schoolgate.messaging.application.OutboxStore.Outcome;
import org.schoolgate.messaging.application.OutboxStore.Receipt;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.DeliveryStatus;
import org.schoolgate.platform.persistence.OnBothDatabases;
import org.schoolgate.platform.persistence.TestDatabases;
import org.schoolgate.platform.persistence.TestDatabases.Database;
import org.schoolgate.platform.persistence.TestDatabases.Engine;

/** The outbox's SQL on PostgreSQL (production) and on the demo's H2, with real rows and real locks. */
class OutboxStoreTest {

  @RegisterExtension static final TestDatabases databases = new TestDatabases();

  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-02T09:00:00Z");

  private OutboxStore store;
  private OutboxFixtures db;

  private void on(Engine engine) throws SQLException {
    Database database = databases.migrated(engine);
    store = new OutboxStore(database.dataSource());
    db = new OutboxFixtures(database.dataSource());
    db.nothingElseWaiting();
  }

  @OnBothDatabases
  void a_saved_message_keeps_its_pupils_keys_first_event_and_log_entries(Engine engine) throws SQLException {
    on(engine);
    UUID school = db.school();
    UUID guardian = db.guardian();
    UUID zoe = db.pupil(school);
    UUID sam = db.pupil(school);
    NewMessage now = message(school, guardian, Channel.SMS, T0, null, List.of(zoe, sam), List.of("fda:" + zoe + ":2026-03-02"));
    NewMessage later = message(school, guardian, Channel.EMAIL, T0.plusHours(2), null, List.of(zoe), List.of());

    db.insert(store, List.of(now, later), T0);

    Map<String, Object> row = db.row(now.id());
    assertThat(row.get("status")).isEqualTo("CREATED");
    assertThat(row.get("attempts")).isEqualTo(0);
    assertThat(row.get("body")).isEqualTo(now.body());
    assertThat(db.rows("select pupil_id from outbound_message_pupil where message_id = ?", now.id()))
        .extracting(r -> r.get("pupil_id"))
        .containsExactlyInAnyOrder(zoe, sam);
    assertThat(db.rows("select message_id from message_key where idempotency_key = ?", "fda:" + zoe + ":2026-03-02"))
        .extracting(r -> r.get("message_id"))
        .containsExactly(now.id());
    assertThat(db.events(now.id())).extracting(e -> e.get("status")).containsExactly("CREATED");
    assertThat(db.events(later.id()).get(0).get("detail")).asString().startsWith("Waiting until");
    assertThat(db.rows("select pupil_id, kind, title, actor from communication_entry where message_id = ? order by pupil_id", now.id()))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e).containsEntry("kind", "MESSAGE").containsEntry("title", "First-day absence text")
            .containsEntry("actor", "office@ash"));
  }

  @OnBothDatabases
  void a_key_already_used_refuses_the_second_save_and_is_found_beforehand(Engine engine) throws SQLException {
    on(engine);
    UUID school = db.school();
    String key = "fda:" + UUID.randomUUID() + ":2026-03-02";
    db.insert(store, List.of(message(school, null, Channel.SMS, T0, null, List.of(), List.of(key))), T0);
    NewMessage second = message(school, null, Channel.SMS, T0, null, List.of(), List.of(key));

    Set<String> used;
    try (Connection c = databases.migrated(engine).dataSource().getConnection()) {
      used = store.usedKeys(c, List.of(key, "fda:someone-else"));
    }
    assertThat(used).containsExactly(key);

    assertThatThrownBy(() -> db.insert(store, List.of(second), T0)).isInstanceOf(SQLException.class);
    assertThat(db.count("select count(*) from outbound_message where id = ?", second.id())).isZero();
  }

  @OnBothDatabases
  void two_dispatchers_claiming_at_once_never_get_the_same_message(Engine engine) throws Exception {
    on(engine);
    UUID school = db.school();
    List<NewMessage> due = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      due.add(sms(school, T0.minusSeconds(i % 60)));
    }
    db.insert(store, due, T0);

    Map<UUID, String> claimedBy = new ConcurrentHashMap<>();
    List<UUID> twice = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService two = Executors.newFixedThreadPool(2);
    List<Future<Integer>> runs = new ArrayList<>();
    for (String node : List.of("node-a", "node-b")) {
      runs.add(
          two.submit(
              () -> {
                go.await();
                int mine = 0;
                for (List<Claimed> batch = store.claim(node, T0, 37); !batch.isEmpty(); batch = store.claim(node, T0, 37)) {
                  for (Claimed m : batch) {
                    if (claimedBy.putIfAbsent(m.id(), node) != null) {
                      twice.add(m.id());
                    }
                    mine++;
                  }
                }
                return mine;
              }));
    }
    go.countDown();
    int a = runs.get(0).get(2, TimeUnit.MINUTES);
    int b = runs.get(1).get(2, TimeUnit.MINUTES);
    two.shutdown();

    assertThat(twice).isEmpty();
    assertThat(a + b).isEqualTo(2_000);
    assertThat(claimedBy.keySet()).containsExactlyInAnyOrderElementsOf(due.stream().map(NewMessage::id).toList());
    assertThat(db.count("select count(*) from outbound_message where school_id = ? and status = 'SENDING' and attempts = 1", school))
        .isEqualTo(2_000);
    assertThat(db.count("select count(*) from message_status_event e join outbound_message m on m.id = e.message_id"
        + " where m.school_id = ? and e.status = 'SENDING'", school)).isEqualTo(2_000);
  }

  @OnBothDatabases
  void a_message_is_claimed_only_once_it_is_due(Engine engine) throws SQLException {
    on(engine);
    UUID school = db.school();
    NewMessage now = sms(school, T0);
    NewMessage afterLunch = sms(school, T0.plusHours(4));
    db.insert(store, List.of(now, afterLunch), T0);

    assertThat(store.claim("node-a", T0, 10)).extracting(Claimed::id).containsExactly(now.id());
    assertThat(store.claim("node-a", T0.plusHours(3), 10)).isEmpty();
    List<Claimed> later = store.claim("node-a", T0.plusHours(4), 10);

    assertThat(later).extracting(Claimed::id).containsExactly(afterLunch.id());
    assertThat(later.get(0).attempts()).isEqualTo(1);
    assertThat(db.row(afterLunch.id())).containsEntry("status", "SENDING").containsEntry("claimed_by", "node-a");
  }

  @OnBothDatabases
  void an_outcome_moves_only_a_message_being_sent_and_never_one_put_in_review(Engine engine) throws SQLException {
    on(engine);
    UUID school = db.school();
    NewMessage sent = sms(school, T0);
    NewMessage reviewed = sms(school, T0);
    NewMessage waiting = sms(school, T0.plusDays(1));
    db.insert(store, List.of(sent, reviewed, waiting), T0);
    Map<UUID, Claimed> claimed = byId(store.claim("node-a", T0, 10));
    store.flagAbandoned(T0.plusMinutes(1), T0.plusMinutes(10));
    db.execute("update outbound_message set review_reason = null where id = ?", sent.id());
    Claimed fakeWaiting = new Claimed(waiting.id(), school, null, Channel.SMS, "t", "en", "+44", null, "b", null, null, 0, T0);

    store.record(
        List.of(
            Outcome.sent(claimed.get(sent.id()), DeliveryStatus.SENDING, "SM1", null),
            Outcome.sent(claimed.get(reviewed.id()), DeliveryStatus.SENDING, "SM2", null),
            Outcome.sent(fakeWaiting, DeliveryStatus.SENT, "SM3", null)),
        T0.plusMinutes(11));

    assertThat(db.row(sent.id())).containsEntry("status", "SENDING").containsEntry("provider_reference", "SM1");
    assertThat(db.time(sent.id(), "sent_at")).isEqualTo(T0.plusMinutes(11));
    Map<String, Object> inReview = db.row(reviewed.id());
    assertThat(inReview.get("status")).isEqualTo("SENDING");
    assertThat(inReview.get("review_reason")).asString().contains("may or may not have reached the family");
    assertThat(db.row(waiting.id())).containsEntry("status", "CREATED").containsEntry("provider_reference", null);
    assertThat(db.events(waiting.id())).extracting(e -> e.get("status")).containsOnly("CREATED");
  }

  @OnBothDatabases
  void the_sweep_flags_only_stale_messages_being_sent_without_a_reference(Engine engine) throws SQLException {
    on(engine);
    UUID school = db.school();
    NewMessage stale = sms(school, T0);
    NewMessage accepted = sms(school, T0);
    NewMessage sent = sms(school, T0);
    db.insert(store, List.of(stale, accepted, sent), T0);
    Map<UUID, Claimed> claimed = byId(store.claim("node-a", T0, 10));
    store.record(
        List.of(
            Outcome.sent(claimed.get(accepted.id()), DeliveryStatus.SENDING, "SM-accepted", null),
            Outcome.sent(claimed.get(sent.id()), DeliveryStatus.SENT, null, "Taken by the mail server")),
        T0.plusSeconds(1));
    NewMessage fresh = sms(school, T0.plusMinutes(9));
    db.insert(store, List.of(fresh), T0);
    store.claim("node-b", T0.plusMinutes(9), 10);

    List<UUID> flagged = store.flagAbandoned(T0.plusMinutes(5), T0.plusMinutes(10));

    assertThat(flagged).containsExactly(stale.id());
    assertThat(db.row(stale.id()).get("review_reason")).isNotNull();
    assertThat(db.row(fresh.id()).get("review_reason")).isNull();
    assertThat(db.row(accepted.id()).get("review_reason")).isNull();
    assertThat(db.events(stale.id())).last().satisfies(e -> assertThat(e.get("detail")).asString().startsWith("Needs review"));
    assertThat(store.flagAbandoned(T0.plusMinutes(5), T0.plusMinutes(11))).as("flagged once only").isEmpty();
  }

  @OnBothDatabases
  void a_receipt_never_moves_a_message_backwards_and_a_late_one_is_kept_as_an_event(Engine engine) throws SQLException {
    on(engine);
    UUID school = db.school();
    NewMessage text = sms(school, T0);
    db.insert(store, List.of(text), T0);
    store.record(List.of(Outcome.sent(store.claim("node-a", T0, 1).get(0), DeliveryStatus.SENDING, "SM-r1", null)), T0);

    assertThat(store.applyReceipt(new Receipt("SM-r1", DeliveryStatus.DELIVERED, "delivered", null, null), T0.plusSeconds(5)))
        .contains(text.id());
    assertThat(store.applyReceipt(new Receipt("SM-r1", DeliveryStatus.SENT, "sent", null, null), T0.plusSeconds(6)))
        .contains(text.id());
    assertThat(store.applyReceipt(new Receipt("SM-unknown", DeliveryStatus.SENT, "sent", null, null), T0)).isEmpty();

    Map<String, Object> row = db.row(text.id());
    assertThat(row).containsEntry("status", "DELIVERED").containsEntry("provider_status", "delivered");
    assertThat(db.time(text.id(), "delivered_at")).isEqualTo(T0.plusSeconds(5));
    assertThat(db.events(text.id())).last().satisfies(e -> {
      assertThat(e.get("status")).isEqualTo("DELIVERED");
      assertThat(e.get("detail")).asString().contains("arrived late");
    });
  }

  @OnBothDatabases
  void a_receipt_that_comes_before_the_record_keeps_its_status_and_the_record_still_keeps_the_reference(Engine engine)
      throws SQLException {
    on(engine);
    UUID school = db.school();
    NewMessage text = sms(school, T0);
    db.insert(store, List.of(text), T0);
    Claimed claimed = store.claim("node-a", T0, 1).get(0);

    assertThat(store.applyReceipt(text.id(), new Receipt("SM-early", DeliveryStatus.DELIVERED, "delivered", null, null), T0.plusSeconds(1)))
        .contains(text.id());
    store.record(List.of(Outcome.sent(claimed, DeliveryStatus.SENDING, "SM-early", null)), T0.plusSeconds(2));

    Map<String, Object> row = db.row(text.id());
    assertThat(row).containsEntry("status", "DELIVERED").containsEntry("provider_reference", "SM-early");
    assertThat(db.time(text.id(), "sent_at")).isEqualTo(T0.plusSeconds(1));
    assertThat(store.applyReceipt(new Receipt("SM-early", DeliveryStatus.SENT, "sent", null, null), T0.plusSeconds(3)))
        .as("found by its reference afterwards").contains(text.id());
    assertThat(db.status(text.id())).isEqualTo("DELIVERED");
  }

  @OnBothDatabases
  void a_receipt_arriving_between_claim_and_record_without_a_reference_leaves_room_for_the_record(Engine engine)
      throws SQLException {
    on(engine);
    UUID school = db.school();
    NewMessage text = sms(school, T0);
    db.insert(store, List.of(text), T0);
    Claimed claimed = store.claim("node-a", T0, 1).get(0);

    store.applyReceipt(text.id(), new Receipt(null, DeliveryStatus.SENT, "sent", null, null), T0.plusSeconds(1));
    store.record(List.of(Outcome.sent(claimed, DeliveryStatus.SENDING, "SM-later", null)), T0.plusSeconds(2));

    assertThat(db.row(text.id())).containsEntry("status", "SENT").containsEntry("provider_reference", "SM-later");
    assertThat(db.events(text.id())).last().satisfies(e -> assertThat(e.get("detail")).asString().contains("reference kept"));
  }

  @OnBothDatabases
  void a_late_result_of_an_earlier_try_changes_nothing(Engine engine) throws SQLException {
    on(engine);
    UUID school = db.school();
    NewMessage text = sms(school, T0);
    db.insert(store, List.of(text), T0);
    Claimed first = store.claim("node-a", T0, 1).get(0);
    store.flagAbandoned(T0.plusMinutes(1), T0.plusMinutes(2));
    assertThat(store.releaseFromReview(text.id(), "Mrs Patel", true, T0.plusMinutes(3))).isTrue();
    Claimed second = store.claim("node-b", T0.plusMinutes(3), 1).get(0);

    store.record(List.of(Outcome.failed(first, DeliveryStatus.PERMANENT_FAILURE, "21211", "Not a mobile number")), T0.plusMinutes(4));

    assertThat(second.attempts()).isEqualTo(2);
    assertThat(db.row(text.id())).containsEntry("status", "SENDING").containsEntry("failure_reason", null)
        .containsEntry("claimed_by", "node-b");
    store.record(List.of(Outcome.sent(second, DeliveryStatus.SENDING, "SM-2", null)), T0.plusMinutes(5));
    assertThat(db.row(text.id())).containsEntry("provider_reference", "SM-2");
  }

  @OnBothDatabases
  void a_text_held_for_quiet_hours_waits_without_the_hold_counting_as_a_try(Engine engine) throws SQLException {
    on(engine);
    UUID school = db.school();
    NewMessage text = sms(school, T0);
    db.insert(store, List.of(text), T0);
    Claimed claimed = store.claim("node-a", T0, 1).get(0);

    store.record(List.of(Outcome.held(claimed, T0.plusHours(10), "Held for quiet hours until 07:30")), T0);

    assertThat(db.row(text.id())).containsEntry("status", "CREATED").containsEntry("attempts", 0);
    assertThat(db.time(text.id(), "next_attempt_at")).isEqualTo(T0.plusHours(10));
    assertThat(store.claim("node-a", T0.plusHours(9), 1)).isEmpty();
    assertThat(store.claim("node-a", T0.plusHours(10), 1)).extracting(Claimed::attempts).containsExactly(1);
  }

  @OnBothDatabases
  void texts_accepted_long_ago_without_a_final_receipt_are_listed_for_asking_the_provider(Engine engine) throws SQLException {
    on(engine);
    UUID school = db.school();
    NewMessage old = sms(school, T0);
    NewMessage unreferenced = sms(school, T0);
    db.insert(store, List.of(old, unreferenced), T0);
    Map<UUID, Claimed> claimed = byId(store.claim("node-a", T0, 10));
    store.record(List.of(Outcome.sent(claimed.get(old.id()), DeliveryStatus.SENDING, "SM-old", null)), T0);
    NewMessage recent = sms(school, T0.plusHours(1));
    db.insert(store, List.of(recent), T0);
    store.record(List.of(Outcome.sent(store.claim("node-a", T0.plusHours(1), 10).get(0), DeliveryStatus.SENDING, "SM-new", null)),
        T0.plusHours(1));

    List<OutboxStore.Stuck> stuck = store.stuckInSending(T0.plusMinutes(30), 100);

    assertThat(stuck).extracting(OutboxStore.Stuck::id).contains(old.id()).doesNotContain(unreferenced.id(), recent.id());
    assertThat(stuck).filteredOn(s -> s.id().equals(old.id())).extracting(OutboxStore.Stuck::providerReference)
        .containsExactly("SM-old");
  }

  @OnBothDatabases
  void a_person_decides_on_a_message_in_review_once(Engine engine) throws SQLException {
    on(engine);
    UUID school = db.school();
    NewMessage again = sms(school, T0);
    NewMessage notAgain = sms(school, T0);
    NewMessage fine = sms(school, T0);
    db.insert(store, List.of(again, notAgain, fine), T0);
    Map<UUID, Claimed> claimed = byId(store.claim("node-a", T0, 10));
    store.record(List.of(Outcome.sent(claimed.get(fine.id()), DeliveryStatus.SENDING, "SM-fine", null)), T0);
    store.flagAbandoned(T0.plusMinutes(1), T0.plusMinutes(2));

    assertThat(store.reviewQueue(school, 10)).extracting(OutboxStore.InReview::id)
        .containsExactlyInAnyOrder(again.id(), notAgain.id());

    assertThat(store.releaseFromReview(again.id(), "Mrs Patel", true, T0.plusMinutes(3))).isTrue();
    assertThat(store.releaseFromReview(notAgain.id(), "Mr Jones", false, T0.plusMinutes(3))).isTrue();
    assertThat(store.releaseFromReview(notAgain.id(), "Mrs Patel", true, T0.plusMinutes(4))).as("already decided").isFalse();
    assertThat(store.releaseFromReview(fine.id(), "Mrs Patel", true, T0.plusMinutes(4))).as("never in review").isFalse();

    assertThat(db.row(again.id())).containsEntry("status", "CREATED").containsEntry("review_reason", null);
    assertThat(db.events(again.id())).last().satisfies(e -> assertThat(e.get("detail")).isEqualTo("To be sent again: Mrs Patel decided"));
    assertThat(db.row(notAgain.id())).containsEntry("status", "TECHNICAL_FAILURE")
        .containsEntry("failure_reason", "Not sent again: Mr Jones decided").containsEntry("review_reason", null);
    assertThat(db.status(fine.id())).isEqualTo("SENDING");
    assertThat(store.reviewQueue(school, 10)).isEmpty();
    assertThat(store.claim("node-b", T0.plusMinutes(3), 10)).extracting(Claimed::id).containsExactly(again.id());
  }

  @OnBothDatabases
  void cancelling_a_bulk_send_stops_only_its_messages_not_yet_sent(Engine engine) throws SQLException {
    on(engine);
    UUID school = db.school();
    UUID bulk = db.bulkSend(school, T0);
    NewMessage gone = message(school, null, Channel.SMS, T0, bulk, List.of(), List.of());
    NewMessage waiting = message(school, null, Channel.SMS, T0.plusHours(1), bulk, List.of(), List.of());
    NewMessage retrying = message(school, null, Channel.SMS, T0.plusHours(1), bulk, List.of(), List.of());
    NewMessage other = sms(school, T0.plusHours(1));
    db.insert(store, List.of(gone, waiting, retrying, other), T0);
    store.record(List.of(Outcome.sent(store.claim("node-a", T0, 10).get(0), DeliveryStatus.SENDING, "SM-gone", null)), T0);

    int cancelled = store.cancelBulk(bulk, "Mrs Patel", T0.plusMinutes(5));

    assertThat(cancelled).isEqualTo(2);
    assertThat(store.countsOfBulk(bulk)).containsEntry(DeliveryStatus.CANCELLED, 2).containsEntry(DeliveryStatus.SENDING, 1);
    assertThat(db.status(other.id())).isEqualTo("CREATED");
    assertThat(db.events(waiting.id())).last().satisfies(e -> assertThat(e).containsEntry("status", "CANCELLED")
        .containsEntry("detail", "Bulk send cancelled by Mrs Patel"));
    assertThat(db.rows("select cancelled_by from bulk_send where id = ?", bulk).get(0)).containsEntry("cancelled_by", "Mrs Patel");
    assertThat(store.claim("node-a", T0.plusHours(2), 10)).extracting(Claimed::id).containsExactly(other.id());
  }

  private static Map<UUID, Claimed> byId(List<Claimed> claimed) {
    Map<UUID, Claimed> out = new java.util.HashMap<>();
    claimed.forEach(c -> out.put(c.id(), c));
    return out;
  }

  @SuppressWarnings("unused")
  private static Set<UUID> ids(List<NewMessage> messages) {
    return new HashSet<>(messages.stream().map(NewMessage::id).toList());
  }
}

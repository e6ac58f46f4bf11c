package org.schoolgate.messaging.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.DeliveryStatus;

/**
 * The outbox in plain SQL: messages are saved with their rendered text before anything is sent,
 * claimed by dispatchers with a locking query ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so
 * several Payara Micro nodes never claim the same row), and their outcomes recorded in short
 * transactions of their own. Plain JDBC because the dispatcher claims and records thousands of
 * rows a second; every statement is batched.
 */
public class OutboxStore {

  private final DataSource dataSource;
  private volatile Boolean postgres;

  public OutboxStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A message ready to save: rendered, addressed, keyed. */
  public record NewMessage(
      UUID id,
      UUID schoolId,
      UUID guardianId,
      Channel channel,
      String purpose,
      String templateId,
      int templateVersion,
      String templateHash,
      String language,
      String destination,
      String subject,
      String body,
      String htmlBody,
      String mergeValues,
      Integer smsSegments,
      String smsEncoding,
      OffsetDateTime dueAt,
      UUID bulkSendId,
      UUID attachmentMessageId,
      String createdBy,
      List<UUID> pupilIds,
      List<String> idempotencyKeys,
      String logTitle) {}

  /** A message a dispatcher has claimed and must now hand to its channel. */
  public record Claimed(
      UUID id,
      UUID schoolId,
      UUID guardianId,
      Channel channel,
      String templateId,
      String language,
      String destination,
      String subject,
      String body,
      String htmlBody,
      UUID attachmentMessageId,
      int attempts,
      OffsetDateTime createdAt) {}

  /**
   * What became of one try of a claimed message. {@code attempt} is the try the claim counted, so
   * a late outcome of an earlier try never changes a message claimed again since. A message held
   * for quiet hours ({@code held}) goes back to waiting without that try being counted.
   */
  public record Outcome(
      UUID id,
      int attempt,
      DeliveryStatus status,
      String providerReference,
      String providerStatus,
      String providerCode,
      String failureReason,
      String reviewReason,
      OffsetDateTime nextAttemptAt,
      boolean held,
      String detail) {

    /** The channel took it: SENDING with the provider's reference, or SENT/DELIVERED. */
    public static Outcome sent(Claimed m, DeliveryStatus status, String reference, String detail) {
      return new Outcome(m.id(), m.attempts(), status, reference, null, null, null, null, null, false, detail);
    }

    /** Not handed over now (quiet hours, the dispatcher stopping): waits until then, try not counted. */
    public static Outcome held(Claimed m, OffsetDateTime until, String detail) {
      return new Outcome(m.id(), m.attempts(), DeliveryStatus.CREATED, null, null, null, null, null, until, true, detail);
    }

    /** The provider said "not now": waits until {@code next} with the reason kept for staff. */
    public static Outcome retryLater(Claimed m, String providerCode, String reason, OffsetDateTime next) {
      return new Outcome(m.id(), m.attempts(), DeliveryStatus.CREATED, null, null, providerCode, reason, null, next, false, null);
    }

    /** Will not be sent: a permanent or technical failure with the reason shown to staff. */
    public static Outcome failed(Claimed m, DeliveryStatus status, String providerCode, String reason) {
      return new Outcome(m.id(), m.attempts(), status, null, null, providerCode, reason, null, null, false, null);
    }

    /** It may or may not have gone: stays SENDING with a reason, for a person to decide. */
    public static Outcome toReview(Claimed m, String providerCode, String reason) {
      return new Outcome(m.id(), m.attempts(), DeliveryStatus.SENDING, null, null, providerCode, null, reason, null, false, null);
    }
  }

  /** Of the keys given, those already used by a message. */
  public Set<String> usedKeys(Connection c, Collection<String> keys) throws SQLException {
    Set<String> used = new HashSet<>();
    List<String> list = List.copyOf(keys);
    for (int from = 0; from < list.size(); from += 500) {
      List<String> chunk = list.subList(from, Math.min(list.size(), from + 500));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps = c.prepareStatement("select idempotency_key from message_key where idempotency_key in (" + marks + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            used.add(rs.getString(1));
          }
        }
      }
    }
    return used;
  }

  /**
   * Saves messages, their pupils, keys, first status event and their entries in the
   * communication log, on the caller's connection (and so in the caller's transaction). A key
   * already used fails the whole save: callers check {@link #usedKeys} first, so this only happens
   * when two people send the same message at the same moment, and then the second is refused.
   */
  public void insert(Connection c, List<NewMessage> messages, OffsetDateTime now) throws SQLException {
    if (messages.isEmpty()) {
      return;
    }
    try (PreparedStatement m =
            c.prepareStatement(
                "insert into outbound_message (id, school_id, guardian_id, channel, purpose, template_id, template_version,"
                    + " template_hash, language, destination, subject, body, html_body, merge_values, sms_segments, sms_encoding,"
                    + " status, attempts, next_attempt_at, bulk_send_id, attachment_message_id, created_by, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CREATED', 0, ?, ?, ?, ?, ?, ?)");
        PreparedStatement p = c.prepareStatement("insert into outbound_message_pupil (message_id, pupil_id) values (?, ?)");
        PreparedStatement k = c.prepareStatement("insert into message_key (idempotency_key, message_id) values (?, ?)");
        PreparedStatement e =
            c.prepareStatement("insert into message_status_event (message_id, status, occurred_at, detail) values (?, 'CREATED', ?, ?)");
        PreparedStatement log =
            c.prepareStatement(
                "insert into communication_entry (id, school_id, pupil_id, guardian_id, occurred_at, kind, title, message_id, actor, restricted)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, false)")) {
      for (NewMessage n : messages) {
        m.setObject(1, n.id());
        m.setObject(2, n.schoolId());
        m.setObject(3, n.guardianId());
        m.setString(4, n.channel().name());
        m.setString(5, n.purpose());
        m.setString(6, n.templateId());
        m.setInt(7, n.templateVersion());
        m.setString(8, n.templateHash());
        m.setString(9, n.language());
        m.setString(10, n.destination());
        m.setString(11, n.subject());
        m.setString(12, n.body());
        m.setString(13, n.htmlBody());
        m.setString(14, n.mergeValues());
        if (n.smsSegments() == null) {
          m.setNull(15, Types.INTEGER);
        } else {
          m.setInt(15, n.smsSegments());
        }
        m.setString(16, n.smsEncoding());
        m.setObject(17, n.dueAt());
        m.setObject(18, n.bulkSendId());
        m.setObject(19, n.attachmentMessageId());
        m.setString(20, n.createdBy());
        m.setObject(21, now);
        m.setObject(22, now);
        m.addBatch();
        for (UUID pupil : n.pupilIds()) {
          p.setObject(1, n.id());
          p.setObject(2, pupil);
          p.addBatch();
          log.setObject(1, UUID.randomUUID());
          log.setObject(2, n.schoolId());
          log.setObject(3, pupil);
          log.setObject(4, n.guardianId());
          log.setObject(5, now);
          log.setString(6, n.channel() == Channel.LETTER ? "LETTER" : "MESSAGE");
          log.setString(7, n.logTitle());
          log.setObject(8, n.id());
          log.setString(9, n.createdBy());
          log.addBatch();
        }
        for (String key : n.idempotencyKeys()) {
          k.setString(1, key);
          k.setObject(2, n.id());
          k.addBatch();
        }
        e.setObject(1, n.id());
        e.setObject(2, now);
        e.setString(3, n.dueAt().isAfter(now) ? "Waiting until " + n.dueAt() : null);
        e.addBatch();
      }
      m.executeBatch();
      p.executeBatch();
      k.executeBatch();
      e.executeBatch();
      log.executeBatch();
    }
  }

  /**
   * Claims up to {@code limit} messages that are due, marks them SENDING and commits, in one
   * short transaction on a connection of its own. On PostgreSQL the claim skips rows another
   * dispatcher holds; the demo's H2 (one node) locks them plainly.
   */
  public List<Claimed> claim(String node, OffsetDateTime now, int limit) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        List<Claimed> claimed = isPostgres(c) ? claimOnPostgres(c, node, now, limit) : claimPlainly(c, node, now, limit);
        if (!claimed.isEmpty()) {
          try (PreparedStatement e =
              c.prepareStatement("insert into message_status_event (message_id, status, occurred_at) values (?, 'SENDING', ?)")) {
            for (Claimed m : claimed) {
              e.setObject(1, m.id());
              e.setObject(2, now);
              e.addBatch();
            }
            e.executeBatch();
          }
        }
        c.commit();
        return claimed;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    }
  }

  private static final String CLAIMED_COLUMNS =
      "id, school_id, guardian_id, channel, template_id, language, destination, subject, body, html_body,"
          + " attachment_message_id, attempts, created_at";

  private List<Claimed> claimOnPostgres(Connection c, String node, OffsetDateTime now, int limit) throws SQLException {
    String sql =
        "update outbound_message m set status = 'SENDING', claimed_at = ?, claimed_by = ?, attempts = m.attempts + 1, updated_at = ?"
            + " from (select id from outbound_message where status = 'CREATED' and next_attempt_at <= ?"
            + " order by next_attempt_at limit ? for update skip locked) due where m.id = due.id returning "
            + prefixed("m.");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, now);
      ps.setString(2, node);
      ps.setObject(3, now);
      ps.setObject(4, now);
      ps.setInt(5, limit);
      return readClaimed(ps.executeQuery());
    }
  }

  private List<Claimed> claimPlainly(Connection c, String node, OffsetDateTime now, int limit) throws SQLException {
    List<Claimed> due;
    try (PreparedStatement ps =
        c.prepareStatement(
            "select " + CLAIMED_COLUMNS + " from outbound_message where status = 'CREATED' and next_attempt_at <= ?"
                + " order by next_attempt_at limit ? for update")) {
      ps.setObject(1, now);
      ps.setInt(2, limit);
      due = readClaimed(ps.executeQuery());
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update outbound_message set status = 'SENDING', claimed_at = ?, claimed_by = ?, attempts = attempts + 1, updated_at = ?"
                + " where id = ? and status = 'CREATED'")) {
      for (Claimed m : due) {
        ps.setObject(1, now);
        ps.setString(2, node);
        ps.setObject(3, now);
        ps.setObject(4, m.id());
        ps.addBatch();
      }
      int[] moved = ps.executeBatch();
      // A row another claimer took while this one waited for its lock is no longer CREATED: skip it.
      List<Claimed> claimed = new ArrayList<>();
      for (int i = 0; i < due.size(); i++) {
        if (moved[i] != 0) {
          Claimed m = due.get(i);
          claimed.add(new Claimed(m.id(), m.schoolId(), m.guardianId(), m.channel(), m.templateId(), m.language(),
              m.destination(), m.subject(), m.body(), m.htmlBody(), m.attachmentMessageId(), m.attempts() + 1, m.createdAt()));
        }
      }
      return claimed;
    }
  }

  private static String prefixed(String prefix) {
    StringBuilder out = new StringBuilder();
    for (String col : CLAIMED_COLUMNS.split(",")) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(prefix).append(col.trim());
    }
    return out.toString();
  }

  private static List<Claimed> readClaimed(ResultSet rs) throws SQLException {
    List<Claimed> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(
            new Claimed(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class),
                Channel.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getObject(11, UUID.class),
                rs.getInt(12),
                rs.getObject(13, OffsetDateTime.class)));
      }
    }
    return out;
  }

  /**
   * Records what became of claimed messages, in one transaction. Only rows still SENDING (and not
   * in review) move, so a late outcome never overwrites a person's decision in the review queue.
   * A message whose receipt arrived before this record (receipts find it by its id) keeps the
   * status the receipt gave it, but still gets its provider reference and hand-over time.
   */
  public void record(List<Outcome> outcomes, OffsetDateTime now) throws SQLException {
    if (outcomes.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        int[] moved;
        try (PreparedStatement u =
            c.prepareStatement(
                "update outbound_message set status = ?, attempts = case when ? then attempts - 1 else attempts end,"
                    + " provider_reference = coalesce(?, provider_reference), provider_status = coalesce(?, provider_status),"
                    + " provider_code = case when ? then provider_code else ? end,"
                    + " failure_reason = case when ? then failure_reason else ? end, review_reason = ?,"
                    + " next_attempt_at = coalesce(?, next_attempt_at), sent_at = case when ? then coalesce(sent_at, ?) else sent_at end,"
                    + " delivered_at = case when ? then ? else delivered_at end, updated_at = ?"
                    // "status || ''": find the row by its key only. On the status itself PostgreSQL may
                    // pick the (status, next_attempt_at) index and read every message in flight for
                    // each outcome, which made recording fall far behind sending.
                    + " where id = ? and attempts = ? and (status || '') = 'SENDING' and review_reason is null")) {
          for (Outcome o : outcomes) {
            int i = 0;
            u.setString(++i, o.status().name());
            u.setBoolean(++i, o.held());
            u.setString(++i, o.providerReference());
            u.setString(++i, o.providerStatus());
            u.setBoolean(++i, o.held());
            u.setString(++i, o.providerCode());
            u.setBoolean(++i, o.held());
            u.setString(++i, truncate(o.failureReason()));
            u.setString(++i, truncate(o.reviewReason()));
            u.setObject(++i, o.nextAttemptAt());
            u.setBoolean(++i, handedOver(o));
            u.setObject(++i, now);
            u.setBoolean(++i, o.status() == DeliveryStatus.DELIVERED);
            u.setObject(++i, now);
            u.setObject(++i, now);
            u.setObject(++i, o.id());
            u.setInt(++i, o.attempt());
            u.addBatch();
          }
          moved = u.executeBatch();
        }
        List<Outcome> late = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
          if (moved[i] == 0) {
            late.add(outcomes.get(i));
          }
        }
        Map<UUID, String> lateStatus = late.isEmpty() ? Map.of() : keepReferences(c, late, now);
        try (PreparedStatement e =
            c.prepareStatement(
                "insert into message_status_event (message_id, status, occurred_at, provider_status, detail) values (?, ?, ?, ?, ?)")) {
          for (Outcome o : outcomes) {
            e.setObject(1, o.id());
            e.setObject(3, now);
            e.setString(4, o.providerStatus());
            String current = lateStatus.get(o.id());
            if (current != null) {
              e.setString(2, current);
              e.setString(5, truncate(lateDetail(o)));
            } else {
              e.setString(2, o.reviewReason() != null ? "SENDING" : o.status().name());
              e.setString(5, truncate(o.reviewReason() != null ? "Needs review: " + o.reviewReason() : o.detail() != null ? o.detail() : o.failureReason()));
            }
            e.addBatch();
          }
          e.executeBatch();
        }
        c.commit();
      } catch (SQLException | RuntimeException ex) {
        c.rollback();
        throw ex;
      } finally {
        c.setAutoCommit(auto);
      }
    }
  }

  /** Whether the outcome says the message left us: the provider gave a reference, or it is sent. */
  private static boolean handedOver(Outcome o) {
    return o.providerReference() != null || o.status() == DeliveryStatus.SENT || o.status() == DeliveryStatus.DELIVERED;
  }

  private static String lateDetail(Outcome o) {
    if (o.providerReference() != null) {
      return "Handed to the provider (reference kept) after its status had already moved on; status kept";
    }
    return "A late result (" + o.status().label() + ") was not applied; status kept";
  }

  /**
   * For outcomes whose row had already left SENDING or went to review (a receipt came first, a
   * person decided, the sweep put it in review): keeps the provider reference and hand-over time
   * of this try, never the status, and never on a message waiting to be sent again or cancelled.
   * Returns each such message's current status.
   */
  private Map<UUID, String> keepReferences(Connection c, List<Outcome> late, OffsetDateTime now) throws SQLException {
    try (PreparedStatement k =
        c.prepareStatement(
            "update outbound_message set provider_reference = ?, sent_at = coalesce(sent_at, ?), updated_at = ?"
                + " where id = ? and attempts = ? and provider_reference is null and status not in ('CREATED', 'CANCELLED')")) {
      boolean any = false;
      for (Outcome o : late) {
        if (o.providerReference() != null) {
          k.setString(1, o.providerReference());
          k.setObject(2, now);
          k.setObject(3, now);
          k.setObject(4, o.id());
          k.setInt(5, o.attempt());
          k.addBatch();
          any = true;
        }
      }
      if (any) {
        k.executeBatch();
      }
    }
    Map<UUID, String> current = new HashMap<>();
    List<UUID> ids = late.stream().map(Outcome::id).toList();
    for (int from = 0; from < ids.size(); from += 500) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      try (PreparedStatement s =
          c.prepareStatement("select id, status from outbound_message where id in (" + marks(chunk.size()) + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          s.setObject(i + 1, chunk.get(i));
        }
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            current.put(rs.getObject(1, UUID.class), rs.getString(2));
          }
        }
      }
    }
    return current;
  }

  private static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  /**
   * Messages claimed more than a while ago that never got an outcome: the dispatcher stopped (a
   * crash, a restart) between handing them over and recording what happened. They may or may not
   * have reached the family, so they go to review; none is sent again without a person deciding.
   */
  public List<UUID> flagAbandoned(OffsetDateTime claimedBefore, OffsetDateTime now) throws SQLException {
    String reason =
        "Sending stopped part-way (the server restarted): it may or may not have reached the family. Check before sending again.";
    List<UUID> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        try (PreparedStatement s =
            c.prepareStatement(
                "select id from outbound_message where status = 'SENDING' and provider_reference is null and review_reason is null"
                    + " and claimed_at < ?" + (isPostgres(c) ? " for update skip locked" : " for update"))) {
          s.setObject(1, claimedBefore);
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getObject(1, UUID.class));
            }
          }
        }
        try (PreparedStatement u = c.prepareStatement("update outbound_message set review_reason = ?, updated_at = ? where id = ?");
            PreparedStatement e =
                c.prepareStatement("insert into message_status_event (message_id, status, occurred_at, detail) values (?, 'SENDING', ?, ?)")) {
          for (UUID id : ids) {
            u.setString(1, reason);
            u.setObject(2, now);
            u.setObject(3, id);
            u.addBatch();
            e.setObject(1, id);
            e.setObject(2, now);
            e.setString(3, "Needs review: " + reason);
            e.addBatch();
          }
          u.executeBatch();
          e.executeBatch();
        }
        c.commit();
      } catch (SQLException | RuntimeException ex) {
        c.rollback();
        throw ex;
      } finally {
        c.setAutoCommit(auto);
      }
    }
    return ids;
  }

  /** A receipt from a provider: its reference for the message and what it says, in our words. */
  public record Receipt(String providerReference, DeliveryStatus status, String providerStatus, String providerCode, String detail) {}

  /**
   * Moves a message by a provider's receipt, found by the provider's reference; receipts out of
   * order never move it backwards. Returns the message id, or empty when no message has this
   * reference.
   */
  public Optional<UUID> applyReceipt(Receipt receipt, OffsetDateTime now) throws SQLException {
    return applyReceipt("provider_reference", receipt.providerReference(), receipt, now);
  }

  /**
   * Moves a message by a provider's receipt, found by our own message id (status callbacks carry it
   * in their address), so a receipt that arrives before the dispatcher recorded the provider's
   * reference still finds its message, and the reference is kept from the receipt. A receipt
   * naming another reference than the one stored is kept as an event only. Returns the id, or
   * empty when there is no such message.
   */
  public Optional<UUID> applyReceipt(UUID messageId, Receipt receipt, OffsetDateTime now) throws SQLException {
    return applyReceipt("id", messageId, receipt, now);
  }

  private Optional<UUID> applyReceipt(String column, Object key, Receipt receipt, OffsetDateTime now) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        UUID id;
        DeliveryStatus current;
        String reference;
        boolean inReview;
        try (PreparedStatement s =
            c.prepareStatement(
                "select id, status, provider_reference, review_reason from outbound_message where " + column + " = ? for update")) {
          s.setObject(1, key);
          try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
              c.rollback();
              return Optional.empty();
            }
            id = rs.getObject(1, UUID.class);
            current = DeliveryStatus.valueOf(rs.getString(2));
            reference = rs.getString(3);
            inReview = rs.getString(4) != null;
          }
        }
        boolean otherReference =
            reference != null && receipt.providerReference() != null && !reference.equals(receipt.providerReference());
        boolean moves = !otherReference && current.mayMoveTo(receipt.status());
        if (moves) {
          boolean sent = receipt.status() == DeliveryStatus.SENT || receipt.status() == DeliveryStatus.DELIVERED;
          try (PreparedStatement u =
              c.prepareStatement(
                  "update outbound_message set status = ?, provider_reference = coalesce(provider_reference, ?),"
                      + " provider_status = ?, provider_code = ?, failure_reason = ?, review_reason = null,"
                      + " sent_at = case when ? then coalesce(sent_at, ?) else sent_at end,"
                      + " delivered_at = case when ? then ? else delivered_at end, updated_at = ? where id = ?")) {
            u.setString(1, receipt.status().name());
            u.setString(2, receipt.providerReference());
            u.setString(3, receipt.providerStatus());
            u.setString(4, receipt.providerCode());
            u.setString(5, receipt.status().isFailure() ? truncate(receipt.detail()) : null);
            u.setBoolean(6, sent);
            u.setObject(7, now);
            u.setBoolean(8, receipt.status() == DeliveryStatus.DELIVERED);
            u.setObject(9, now);
            u.setObject(10, now);
            u.setObject(11, id);
            u.executeUpdate();
          }
        }
        String detail;
        if (otherReference) {
          detail = "Receipt \"" + receipt.providerStatus() + "\" for another hand-over (" + receipt.providerReference() + "); status kept";
        } else if (!moves) {
          detail = "Receipt \"" + receipt.providerStatus() + "\" arrived late; status kept";
        } else if (inReview && current == DeliveryStatus.SENDING) {
          detail = "The provider's receipt settles the review" + (receipt.detail() == null ? "" : ": " + receipt.detail());
        } else {
          detail = receipt.detail();
        }
        try (PreparedStatement e =
            c.prepareStatement(
                "insert into message_status_event (message_id, status, occurred_at, provider_status, detail) values (?, ?, ?, ?, ?)")) {
          e.setObject(1, id);
          e.setString(2, (moves ? receipt.status() : current).name());
          e.setObject(3, now);
          e.setString(4, receipt.providerStatus());
          e.setString(5, truncate(detail));
          e.executeUpdate();
        }
        c.commit();
        return Optional.of(id);
      } catch (SQLException | RuntimeException ex) {
        c.rollback();
        throw ex;
      } finally {
        c.setAutoCommit(auto);
      }
    }
  }

  /** A message a provider accepted whose final receipt has not come: for asking the provider. */
  public record Stuck(UUID id, Channel channel, String providerReference, OffsetDateTime claimedAt) {}

  /**
   * Messages handed to a provider (SENDING with its reference) and claimed before {@code before},
   * oldest first, for a reconciliation job that asks the provider what became of them. Messages
   * in review are left to the person reviewing them.
   */
  public List<Stuck> stuckInSending(OffsetDateTime before, int limit) throws SQLException {
    List<Stuck> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select id, channel, provider_reference, claimed_at from outbound_message where status = 'SENDING'"
                    + " and provider_reference is not null and review_reason is null and claimed_at < ?"
                    + " order by claimed_at limit ?")) {
      ps.setObject(1, before);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Stuck(rs.getObject(1, UUID.class), Channel.valueOf(rs.getString(2)), rs.getString(3),
                  rs.getObject(4, OffsetDateTime.class)));
        }
      }
    }
    return out;
  }

  /** A message waiting for a person to decide whether it is sent again. */
  public record InReview(
      UUID id,
      UUID guardianId,
      Channel channel,
      String purpose,
      String reviewReason,
      int attempts,
      OffsetDateTime createdAt,
      OffsetDateTime claimedAt) {}

  /** A school's messages in review, the longest waiting first. */
  public List<InReview> reviewQueue(UUID schoolId, int limit) throws SQLException {
    List<InReview> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select id, guardian_id, channel, purpose, review_reason, attempts, created_at, claimed_at from outbound_message"
                    + " where school_id = ? and status = 'SENDING' and review_reason is not null order by claimed_at, id limit ?")) {
      ps.setObject(1, schoolId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new InReview(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Channel.valueOf(rs.getString(3)),
                  rs.getString(4), rs.getString(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class),
                  rs.getObject(8, OffsetDateTime.class)));
        }
      }
    }
    return out;
  }

  /**
   * A person's decision on a message in review: send it again (it waits for the dispatcher, whose
   * claim makes it a new try) or not (it ends as a technical failure naming who decided). Returns
   * false when the message is not, or no longer, in review: someone else decided first, or a
   * receipt from the provider settled it.
   */
  public boolean releaseFromReview(UUID id, String decidedBy, boolean sendAgain, OffsetDateTime now) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        int moved;
        try (PreparedStatement u =
            c.prepareStatement(
                sendAgain
                    ? "update outbound_message set status = 'CREATED', review_reason = null, failure_reason = null,"
                        + " next_attempt_at = ?, claimed_at = null, claimed_by = null, updated_at = ?"
                        + " where id = ? and status = 'SENDING' and review_reason is not null"
                    : "update outbound_message set status = 'TECHNICAL_FAILURE', review_reason = null, failure_reason = ?,"
                        + " updated_at = ? where id = ? and status = 'SENDING' and review_reason is not null")) {
          u.setObject(1, sendAgain ? now : truncate("Not sent again: " + decidedBy + " decided"));
          u.setObject(2, now);
          u.setObject(3, id);
          moved = u.executeUpdate();
        }
        if (moved == 1) {
          try (PreparedStatement e =
              c.prepareStatement("insert into message_status_event (message_id, status, occurred_at, detail) values (?, ?, ?, ?)")) {
            e.setObject(1, id);
            e.setString(2, sendAgain ? "CREATED" : "TECHNICAL_FAILURE");
            e.setObject(3, now);
            e.setString(4, truncate(sendAgain ? "To be sent again: " + decidedBy + " decided" : "Not sent again: " + decidedBy + " decided"));
            e.executeUpdate();
          }
        }
        c.commit();
        return moved == 1;
      } catch (SQLException | RuntimeException ex) {
        c.rollback();
        throw ex;
      } finally {
        c.setAutoCommit(auto);
      }
    }
  }

  /**
   * Cancels the messages of a bulk send that have not gone yet (CREATED, including those waiting
   * for quiet hours or a retry); those being sent or sent are left as they are. Returns how many
   * were cancelled.
   */
  public int cancelBulk(UUID bulkSendId, String by, OffsetDateTime now) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        List<UUID> ids = new ArrayList<>();
        // Locks the waiting rows; a row a dispatcher is claiming right now is SENDING once its claim commits.
        try (PreparedStatement s =
            c.prepareStatement("select id from outbound_message where bulk_send_id = ? and status = 'CREATED' for update")) {
          s.setObject(1, bulkSendId);
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getObject(1, UUID.class));
            }
          }
        }
        int cancelled = 0;
        if (!ids.isEmpty()) {
          List<UUID> moved = new ArrayList<>();
          try (PreparedStatement u =
              c.prepareStatement("update outbound_message set status = 'CANCELLED', updated_at = ? where id = ? and status = 'CREATED'")) {
            for (UUID id : ids) {
              u.setObject(1, now);
              u.setObject(2, id);
              u.addBatch();
            }
            int[] counts = u.executeBatch();
            for (int i = 0; i < counts.length; i++) {
              if (counts[i] != 0) {
                moved.add(ids.get(i));
              }
            }
          }
          try (PreparedStatement e =
              c.prepareStatement(
                  "insert into message_status_event (message_id, status, occurred_at, detail) values (?, 'CANCELLED', ?, ?)")) {
            for (UUID id : moved) {
              e.setObject(1, id);
              e.setObject(2, now);
              e.setString(3, truncate("Bulk send cancelled by " + by));
              e.addBatch();
            }
            if (!moved.isEmpty()) {
              e.executeBatch();
            }
          }
          cancelled = moved.size();
        }
        try (PreparedStatement b =
            c.prepareStatement(
                "update bulk_send set state = 'CANCELLED', cancelled_by = ?, cancelled_at = ? where id = ? and cancelled_at is null")) {
          b.setString(1, by);
          b.setObject(2, now);
          b.setObject(3, bulkSendId);
          b.executeUpdate();
        }
        c.commit();
        return cancelled;
      } catch (SQLException | RuntimeException ex) {
        c.rollback();
        throw ex;
      } finally {
        c.setAutoCommit(auto);
      }
    }
  }

  /** Counts of a bulk send's messages by status. */
  public Map<DeliveryStatus, Integer> countsOfBulk(UUID bulkSendId) throws SQLException {
    Map<DeliveryStatus, Integer> counts = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select status, count(*) from outbound_message where bulk_send_id = ? group by status")) {
      ps.setObject(1, bulkSendId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getInt(2));
        }
      }
    }
    return counts;
  }

  /** Whether this connection is to PostgreSQL (the production database) rather than the demo's H2. */
  boolean isPostgres(Connection c) throws SQLException {
    Boolean known = postgres;
    if (known == null) {
      known = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
      postgres = known;
    }
    return known;
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 500 ? s : s.substring(0, 497) + "...";
  }
}

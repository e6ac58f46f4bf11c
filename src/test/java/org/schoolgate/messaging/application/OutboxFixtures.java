package org.schoolgate.messaging.application;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.schoolgate.messaging.application.OutboxStore.NewMessage;
import org.schoolgate.messaging.domain.Channel;

/** A school, its families and outbound messages in a test database, and plain reads of the outbox. */
final class OutboxFixtures {

  private static final AtomicInteger NUMBERS = new AtomicInteger(200_000);

  private final DataSource dataSource;

  OutboxFixtures(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  UUID school() throws SQLException {
    UUID trust = UUID.randomUUID();
    UUID id = UUID.randomUUID();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement("insert into trust (id, version, name) values (?, 1, 'Northern Lights Academy Trust')")) {
        s.setObject(1, trust);
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into school (id, version, trust_id, urn, name, phase, time_zone, am_register_open,"
                  + " pm_register_open, register_close_after_min, am_session_end, pm_session_end,"
                  + " am_session_hours, pm_session_hours, am_lessons, pm_lessons, school_year_days,"
                  + " stage_model, listen_threshold, listen_comparator, facilitate_threshold,"
                  + " facilitate_comparator, enforce_threshold, enforce_comparator, min_possible_sessions,"
                  + " n_code_deadline_days, home_visit_day, home_visit_repeat_days, cme_notify_days)"
                  + " values (?, 1, ?, ?, 'Ash Grove Primary', 'PRIMARY', 'Europe/London', ?, ?, 30, ?, ?,"
                  + " ?, ?, 3, 2, 190, 'FOUR_STAGE', ?, '<', ?, '<=', ?, '<=', 10, 5, 3, 3, 10)")) {
        s.setObject(1, id);
        s.setObject(2, trust);
        s.setString(3, String.valueOf(NUMBERS.getAndIncrement()));
        s.setObject(4, LocalTime.of(8, 40));
        s.setObject(5, LocalTime.of(13, 10));
        s.setObject(6, LocalTime.of(12, 0));
        s.setObject(7, LocalTime.of(15, 15));
        s.setBigDecimal(8, new BigDecimal("2.5"));
        s.setBigDecimal(9, new BigDecimal("2.5"));
        s.setBigDecimal(10, new BigDecimal("96"));
        s.setBigDecimal(11, new BigDecimal("90"));
        s.setBigDecimal(12, new BigDecimal("50"));
        s.executeUpdate();
      }
    }
    return id;
  }

  UUID pupil(UUID school) throws SQLException {
    UUID id = UUID.randomUUID();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into pupil (id, version, school_id, upn, legal_first_name, legal_last_name,"
                    + " date_of_birth, year_group, gender, sen_status, pupil_premium, eal, looked_after,"
                    + " social_worker, child_in_need, child_protection, vulnerable_list, on_roll_from,"
                    + " dual_registered, medical_evidence_required)"
                    + " values (?, 1, ?, ?, 'Zoë', 'Brontë', ?, 4, 'FEMALE', 'NONE', false, false, false,"
                    + " false, false, false, false, ?, false, false)")) {
      s.setObject(1, id);
      s.setObject(2, school);
      s.setString(3, String.format("B%012d", NUMBERS.getAndIncrement()));
      s.setDate(4, Date.valueOf(LocalDate.of(2016, 9, 14)));
      s.setDate(5, Date.valueOf(LocalDate.of(2020, 9, 2)));
      s.executeUpdate();
    }
    return id;
  }

  UUID guardian() throws SQLException {
    UUID id = UUID.randomUUID();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into guardian (id, version, first_name, last_name, preferred_language,"
                    + " preferred_channel, sms_opt_out) values (?, 1, 'Amira', 'Khan', 'en', 'SMS', false)")) {
      s.setObject(1, id);
      s.executeUpdate();
    }
    return id;
  }

  UUID bulkSend(UUID school, OffsetDateTime at) throws SQLException {
    UUID id = UUID.randomUUID();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into bulk_send (id, school_id, template_id, audience, channel_preference, state, scheduled_for, total,"
                    + " created_by, created_at) values (?, ?, 'term-dates', 'Year 4', 'SMS', 'SCHEDULED', ?, 3, 'office@ash', ?)")) {
      s.setObject(1, id);
      s.setObject(2, school);
      s.setObject(3, at);
      s.setObject(4, at);
      s.executeUpdate();
    }
    return id;
  }

  /** An SMS about no pupil, due at {@code due}, with no key. */
  static NewMessage sms(UUID school, OffsetDateTime due) {
    return message(school, null, Channel.SMS, due, null, List.of(), List.of());
  }

  static NewMessage message(
      UUID school, UUID guardian, Channel channel, OffsetDateTime due, UUID bulk, List<UUID> pupils, List<String> keys) {
    UUID id = UUID.randomUUID();
    return new NewMessage(id, school, guardian, channel, "FIRST_DAY_ABSENCE", "first-day-absence", 1, "a1b2c3", "en",
        channel == Channel.EMAIL ? "parent@example.org" : "+447400123456",
        channel == Channel.EMAIL ? "Zoë was not in school today" : null,
        "Message " + id + ": Zoë was not in school this morning. Please reply with the reason.", null, "{}", 1, "GSM7",
        due, bulk, null, "office@ash", pupils, keys, "First-day absence text");
  }

  /** Inserts messages in one committed transaction. */
  void insert(OutboxStore store, List<NewMessage> messages, OffsetDateTime now) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      store.insert(c, messages, now);
      c.commit();
    }
  }

  /** One row of outbound_message, as a map of column to value. */
  Map<String, Object> row(UUID id) throws SQLException {
    List<Map<String, Object>> rows = rows("select * from outbound_message where id = ?", id);
    if (rows.isEmpty()) {
      throw new IllegalStateException("No message " + id);
    }
    return rows.get(0);
  }

  OffsetDateTime time(UUID id, String column) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("select " + column + " from outbound_message where id = ?")) {
      s.setObject(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getObject(1, OffsetDateTime.class);
      }
    }
  }

  /** Cancels whatever earlier tests left waiting or sending, so a claim or sweep sees only this test's messages. */
  void nothingElseWaiting() throws SQLException {
    execute("update outbound_message set status = 'CANCELLED' where status in ('CREATED', 'SENDING')");
  }

  String status(UUID id) throws SQLException {
    return (String) row(id).get("status");
  }

  List<Map<String, Object>> events(UUID id) throws SQLException {
    return rows("select status, detail, provider_status from message_status_event where message_id = ? order by id", id);
  }

  long count(String sql, Object... params) throws SQLException {
    return ((Number) rows(sql, params).get(0).values().iterator().next()).longValue();
  }

  List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Map<String, Object> row = new HashMap<>();
          for (int i = 1; i <= columns; i++) {
            row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
          }
          out.add(row);
        }
      }
    }
    return out;
  }

  void execute(String sql, Object... params) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.executeUpdate();
    }
  }
}

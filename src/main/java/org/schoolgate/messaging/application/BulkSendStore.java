package org.schoolgate.messaging.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.schoolgate.attendance.domain.AttendanceCode;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.attendance.domain.CountsAs;
import org.schoolgate.directory.domain.CalendarClosure;
import org.schoolgate.directory.domain.ClosureKind;
import org.schoolgate.directory.domain.SchoolCalendar;
import org.schoolgate.messaging.domain.AudienceFilter.Period;
import org.schoolgate.messaging.domain.AudienceFilter.PupilLine;
import org.schoolgate.messaging.domain.AudienceFilter.Sessions;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.DeliveryStatus;

/**
 * Bulk sends in plain SQL: the pupils an audience is chosen from (with their stored figures), the
 * bulk send row, releasing its messages once every batch is saved, cancelling what is still
 * waiting, and the counts and per-recipient results staff watch. Each method uses a connection of
 * its own and commits before it returns, so no step holds a long transaction.
 */
class BulkSendStore {

  /**
   * Messages of a bulk send are saved waiting until this moment and moved to their real time only
   * once every batch is saved, so the dispatcher never sends part of an audience.
   */
  static final OffsetDateTime HELD = OffsetDateTime.parse("2999-12-31T00:00:00Z");

  private final DataSource dataSource;
  private final OutboxStore outbox;

  BulkSendStore(DataSource dataSource) {
    this.dataSource = dataSource;
    this.outbox = new OutboxStore(dataSource);
  }

  // ---- the audience ----------------------------------------------------------------------

  /** The school's calendar (terms and closures), for the half-term and term rules. */
  SchoolCalendar calendar(UUID schoolId) {
    List<SchoolCalendar.Term> terms = new ArrayList<>();
    List<SchoolCalendar.Closure> closures = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement("select name, start_date, end_date from academic_term where school_id = ?")) {
        ps.setObject(1, schoolId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            terms.add(new SchoolCalendar.Term(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("select kind, first_day, last_day, sessions, description from calendar_closure where school_id = ?")) {
        ps.setObject(1, schoolId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            closures.add(new SchoolCalendar.Closure(ClosureKind.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
                rs.getObject(3, LocalDate.class), CalendarClosure.Sessions.valueOf(rs.getString(4)), rs.getString(5)));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the school calendar of " + schoolId, e);
    }
    return new SchoolCalendar(terms, closures);
  }

  /**
   * Every pupil on roll today, with this year's stored figures and, when {@code period} is given,
   * the sessions of that period counted from the register with the code table's rules.
   */
  List<PupilLine> pupils(UUID schoolId, LocalDate today, Period period, CodeBook codes) {
    Map<UUID, int[]> periodCounts = period == null ? Map.of() : periodCounts(schoolId, period, codes);
    String sql =
        "select p.id, p.legal_first_name, p.legal_last_name, p.preferred_first_name, p.preferred_last_name, p.year_group,"
            + " p.group_id, g.name, p.sen_status, p.looked_after, p.child_protection, p.child_in_need,"
            + " coalesce(f.possible, 0), coalesce(f.attended, 0), coalesce(f.review_possible, 0), coalesce(f.review_attended, 0)"
            + " from pupil p left join teaching_group g on g.id = p.group_id left join pupil_figures f on f.pupil_id = p.id"
            + " where p.school_id = ? and p.on_roll_from <= ? and (p.on_roll_to is null or p.on_roll_to >= ?)"
            + " order by p.year_group, coalesce(p.preferred_last_name, p.legal_last_name),"
            + " coalesce(p.preferred_first_name, p.legal_first_name)";
    List<PupilLine> lines = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, schoolId);
      ps.setObject(2, today);
      ps.setObject(3, today);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          String first = rs.getString(4) != null ? rs.getString(4) : rs.getString(2);
          String last = rs.getString(5) != null ? rs.getString(5) : rs.getString(3);
          int[] p = periodCounts.getOrDefault(id, new int[2]);
          lines.add(new PupilLine(id, first + " " + last, rs.getInt(6), rs.getObject(7, UUID.class), rs.getString(8),
              decisionReason(rs.getString(9), rs.getBoolean(10), rs.getBoolean(11), rs.getBoolean(12)),
              new Sessions(rs.getInt(13), rs.getInt(14)), new Sessions(rs.getInt(15), rs.getInt(16)), new Sessions(p[0], p[1])));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the pupils of school " + schoolId, e);
    }
    return lines;
  }

  /** Why a person must decide about this pupil (attendance rules §5.1), or null. */
  static String decisionReason(String senStatus, boolean lookedAfter, boolean childProtection, boolean childInNeed) {
    List<String> reasons = new ArrayList<>();
    if ("EHCP".equals(senStatus)) {
      reasons.add("EHC plan");
    } else if ("K".equals(senStatus)) {
      reasons.add("SEN support");
    }
    if (lookedAfter) {
      reasons.add("looked after");
    }
    if (childProtection) {
      reasons.add("child protection plan");
    }
    if (childInNeed) {
      reasons.add("child in need plan");
    }
    if (reasons.isEmpty()) {
      return null;
    }
    String text = String.join(", ", reasons);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** Possible and attended sessions of each pupil of the school in the period, from the register. */
  private Map<UUID, int[]> periodCounts(UUID schoolId, Period period, CodeBook codes) {
    Map<UUID, int[]> counts = new HashMap<>();
    String sql =
        "select m.pupil_id, m.code, count(*) from attendance_mark m join pupil p on p.id = m.pupil_id"
            + " where p.school_id = ? and m.session_date between ? and ? group by m.pupil_id, m.code";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, schoolId);
      ps.setObject(2, period.from());
      ps.setObject(3, period.to());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          AttendanceCode code = codes.get(rs.getString(2));
          int[] d = counts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new int[2]);
          if (code.countsAs().isPossible()) {
            d[0] += rs.getInt(3);
          }
          if (code.countsAs() == CountsAs.ATTENDED) {
            d[1] += rs.getInt(3);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the sessions of " + period.name(), e);
    }
    return counts;
  }

  /**
   * For each pupil, who would hear about them: guardian ids, mobile numbers and email addresses,
   * so batches keep families together.
   */
  Map<UUID, Set<String>> contacts(UUID schoolId) {
    Map<UUID, Set<String>> contacts = new HashMap<>();
    String sql =
        "select pg.pupil_id, pg.guardian_id, g.mobile, g.email from pupil_guardian pg join guardian g on g.id = pg.guardian_id"
            + " join pupil p on p.id = pg.pupil_id where p.school_id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, schoolId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Set<String> keys = contacts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashSet<>());
          keys.add("guardian:" + rs.getObject(2, UUID.class));
          if (rs.getString(3) != null) {
            keys.add("mobile:" + rs.getString(3));
          }
          if (rs.getString(4) != null) {
            keys.add("email:" + rs.getString(4).toLowerCase(Locale.ROOT));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the families of school " + schoolId, e);
    }
    return contacts;
  }

  // ---- the bulk send row -----------------------------------------------------------------

  /** A bulk send as stored. */
  record Row(
      UUID id, UUID schoolId, String templateId, String audience, String channel, BulkState state, OffsetDateTime scheduledFor,
      int total, String createdBy, OffsetDateTime createdAt, String cancelledBy, OffsetDateTime cancelledAt) {}

  private static final String ROW_COLUMNS =
      "id, school_id, template_id, audience, channel_preference, state, scheduled_for, total, created_by, created_at,"
          + " cancelled_by, cancelled_at";

  /** Saves a new bulk send, PREPARING until its messages are released. */
  void insert(Row row) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("insert into bulk_send (" + ROW_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, row.id());
      ps.setObject(2, row.schoolId());
      ps.setString(3, row.templateId());
      ps.setString(4, row.audience());
      ps.setString(5, row.channel());
      ps.setString(6, row.state().name());
      ps.setObject(7, row.scheduledFor());
      ps.setInt(8, row.total());
      ps.setString(9, row.createdBy());
      ps.setObject(10, row.createdAt());
      ps.setString(11, row.cancelledBy());
      ps.setObject(12, row.cancelledAt());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not save the bulk send", e);
    }
  }

  Row find(UUID bulkId) {
    List<Row> rows = rows("select " + ROW_COLUMNS + " from bulk_send where id = ?", bulkId, 1);
    if (rows.isEmpty()) {
      throw new org.schoolgate.platform.validation.NotFoundException("Bulk send");
    }
    return rows.get(0);
  }

  /** The school's most recent bulk sends, newest first. */
  List<Row> recent(UUID schoolId, int limit) {
    return rows("select " + ROW_COLUMNS + " from bulk_send where school_id = ? order by created_at desc", schoolId, limit);
  }

  private List<Row> rows(String sql, UUID param, int limit) {
    List<Row> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, param);
      ps.setMaxRows(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
              rs.getString(5), BulkState.valueOf(rs.getString(6)), rs.getObject(7, OffsetDateTime.class), rs.getInt(8),
              rs.getString(9), rs.getObject(10, OffsetDateTime.class), rs.getString(11), rs.getObject(12, OffsetDateTime.class)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read bulk sends", e);
    }
    return rows;
  }

  /**
   * Releases a prepared bulk send in one short transaction: its held messages become due at
   * {@code dueAt} (their first status event then says so), and the send becomes {@code state}
   * with its total. Returns false, changing nothing, when the send is no longer PREPARING
   * (someone cancelled it while it was being saved).
   */
  boolean release(UUID bulkId, OffsetDateTime dueAt, BulkState state, OffsetDateTime now) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        int total;
        try (PreparedStatement lock = c.prepareStatement("select state from bulk_send where id = ? for update")) {
          lock.setObject(1, bulkId);
          try (ResultSet rs = lock.executeQuery()) {
            if (!rs.next() || !BulkState.PREPARING.name().equals(rs.getString(1))) {
              c.rollback();
              return false;
            }
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "update message_status_event set detail = ? where status = 'CREATED' and message_id in"
                    + " (select id from outbound_message where bulk_send_id = ? and status = 'CREATED')")) {
          ps.setString(1, dueAt.isAfter(now) ? "Waiting until " + dueAt : null);
          ps.setObject(2, bulkId);
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "update outbound_message set next_attempt_at = ?, updated_at = ? where bulk_send_id = ? and status = 'CREATED'")) {
          ps.setObject(1, dueAt);
          ps.setObject(2, now);
          ps.setObject(3, bulkId);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("select count(*) from outbound_message where bulk_send_id = ?")) {
          ps.setObject(1, bulkId);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            total = rs.getInt(1);
          }
        }
        try (PreparedStatement ps = c.prepareStatement("update bulk_send set state = ?, total = ?, scheduled_for = ? where id = ?")) {
          ps.setString(1, state.name());
          ps.setInt(2, total);
          ps.setObject(3, dueAt);
          ps.setObject(4, bulkId);
          ps.executeUpdate();
        }
        c.commit();
        return true;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not release bulk send " + bulkId, e);
    }
  }

  /**
   * Stops a bulk send: every message still waiting (CREATED) becomes CANCELLED with a status event
   * naming who cancelled, its repeat keys are freed (it was never sent, so a corrected send the same
   * day may go), and the send takes {@code state} (CANCELLED, or FAILED when saving it failed).
   * Messages a dispatcher has already claimed are left alone: on PostgreSQL the row lock makes this
   * wait for the claim and then skip them. Returns how many messages were stopped.
   */
  int stop(UUID bulkId, BulkState state, String by, String detail, OffsetDateTime now) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        try (PreparedStatement lock = c.prepareStatement("select state from bulk_send where id = ? for update")) {
          lock.setObject(1, bulkId);
          lock.executeQuery().close();
        }
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement ps =
            c.prepareStatement("select id from outbound_message where bulk_send_id = ? and status = 'CREATED' for update")) {
          ps.setObject(1, bulkId);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getObject(1, UUID.class));
            }
          }
        }
        int stopped = 0;
        try (PreparedStatement u =
                c.prepareStatement(
                    "update outbound_message set status = 'CANCELLED', updated_at = ? where id = ? and status = 'CREATED'");
            PreparedStatement e =
                c.prepareStatement(
                    "insert into message_status_event (message_id, status, occurred_at, detail) values (?, 'CANCELLED', ?, ?)");
            PreparedStatement k = c.prepareStatement("delete from message_key where message_id = ?")) {
          for (UUID id : ids) {
            u.setObject(1, now);
            u.setObject(2, id);
            u.addBatch();
            e.setObject(1, id);
            e.setObject(2, now);
            e.setString(3, truncate(detail));
            e.addBatch();
            k.setObject(1, id);
            k.addBatch();
          }
          for (int n : u.executeBatch()) {
            stopped += n > 0 ? n : n == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0;
          }
          e.executeBatch();
          k.executeBatch();
        }
        try (PreparedStatement ps =
            c.prepareStatement("update bulk_send set state = ?, cancelled_by = ?, cancelled_at = ? where id = ?")) {
          ps.setString(1, state.name());
          ps.setString(2, by);
          ps.setObject(3, now);
          ps.setObject(4, bulkId);
          ps.executeUpdate();
        }
        c.commit();
        return stopped;
      } catch (SQLException | RuntimeException ex) {
        c.rollback();
        throw ex;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not stop bulk send " + bulkId, e);
    }
  }

  // ---- watching it -----------------------------------------------------------------------

  Map<DeliveryStatus, Integer> counts(UUID bulkId) {
    try {
      return outbox.countsOfBulk(bulkId);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the messages of bulk send " + bulkId, e);
    }
  }

  /** Counts by status of several bulk sends in one query, for the list of recent sends. */
  Map<UUID, Map<DeliveryStatus, Integer>> counts(Collection<UUID> bulkIds) {
    Map<UUID, Map<DeliveryStatus, Integer>> all = new HashMap<>();
    if (bulkIds.isEmpty()) {
      return all;
    }
    String marks = String.join(",", java.util.Collections.nCopies(bulkIds.size(), "?"));
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select bulk_send_id, status, count(*) from outbound_message where bulk_send_id in (" + marks + ")"
                    + " group by bulk_send_id, status")) {
      int i = 1;
      for (UUID id : bulkIds) {
        ps.setObject(i++, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          all.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
              .put(DeliveryStatus.valueOf(rs.getString(2)), rs.getInt(3));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the messages of bulk sends", e);
    }
    return all;
  }

  /** One message of a bulk send, as the results grid shows it. */
  record ResultRow(
      UUID messageId, UUID guardianId, String guardianName, List<String> pupils, Channel channel, DeliveryStatus status,
      String reason, OffsetDateTime updatedAt) {}

  List<ResultRow> results(UUID bulkId) {
    Map<UUID, List<String>> pupils = new HashMap<>();
    List<ResultRow> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "select mp.message_id, coalesce(p.preferred_first_name, p.legal_first_name), coalesce(p.preferred_last_name,"
                  + " p.legal_last_name) from outbound_message_pupil mp join outbound_message m on m.id = mp.message_id"
                  + " join pupil p on p.id = mp.pupil_id where m.bulk_send_id = ? order by 3, 2")) {
        ps.setObject(1, bulkId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            pupils.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2) + " " + rs.getString(3));
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "select m.id, m.guardian_id, g.title, g.first_name, g.last_name, m.channel, m.status, m.failure_reason,"
                  + " m.review_reason, m.updated_at from outbound_message m left join guardian g on g.id = m.guardian_id"
                  + " where m.bulk_send_id = ? order by g.last_name, g.first_name, m.id")) {
        ps.setObject(1, bulkId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            UUID id = rs.getObject(1, UUID.class);
            String name = rs.getString(4) == null ? "(no guardian)"
                : (rs.getString(3) == null ? "" : rs.getString(3) + " ") + rs.getString(4) + " " + rs.getString(5);
            String reason = rs.getString(9) != null ? "Needs review: " + rs.getString(9) : rs.getString(8);
            rows.add(new ResultRow(id, rs.getObject(2, UUID.class), name, pupils.getOrDefault(id, List.of()),
                Channel.valueOf(rs.getString(6)), DeliveryStatus.valueOf(rs.getString(7)), reason,
                rs.getObject(10, OffsetDateTime.class)));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the results of bulk send " + bulkId, e);
    }
    return rows;
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 500 ? s : s.substring(0, 497) + "...";
  }
}

package org.schoolgate.messaging.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
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
 * The communication log in plain SQL (portable: PostgreSQL in production, H2 in the demo). It
 * decides nothing about who may see what: {@link CommunicationLog} works that out and passes the
 * pupils, schools and restricted-entry schools in.
 */
class LogStore {

  /** Statuses a message has once it has left the school (or was meant to): what a parent may read. */
  static final String LEFT_THE_SCHOOL = "m.status not in ('CREATED', 'CANCELLED')";

  private final DataSource dataSource;

  LogStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** One stored row: an entry about one pupil (or none) and/or a guardian. */
  record Row(
      UUID id, UUID schoolId, UUID pupilId, UUID guardianId, OffsetDateTime occurredAt, LogKind kind, String title, String detail,
      String actor, boolean restricted, UUID inboundId) {}

  /** A guardian's link to a child, with the child's school. */
  record Child(UUID pupilId, UUID schoolId) {}

  /** Which entries a timeline covers, before the filter. */
  record Scope(Collection<UUID> pupilIds, UUID guardianId, Collection<UUID> guardianSchools) {}

  void insert(List<Row> rows) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into communication_entry (id, school_id, pupil_id, guardian_id, occurred_at, kind, title, detail,"
                    + " inbound_id, actor, restricted) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Row r : rows) {
        ps.setObject(1, r.id());
        ps.setObject(2, r.schoolId());
        ps.setObject(3, r.pupilId());
        ps.setObject(4, r.guardianId());
        ps.setObject(5, r.occurredAt());
        ps.setString(6, r.kind().name());
        ps.setString(7, r.title());
        ps.setString(8, r.detail());
        ps.setObject(9, r.inboundId());
        ps.setString(10, r.actor());
        ps.setBoolean(11, r.restricted());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not save the entry in the communication log", e);
    }
  }

  List<Child> childrenOf(UUID guardianId) {
    List<Child> out = new ArrayList<>();
    query(
        "select l.pupil_id, p.school_id from pupil_guardian l join pupil p on p.id = l.pupil_id where l.guardian_id = ?"
            + " order by p.date_of_birth, p.id",
        List.of(guardianId),
        rs -> out.add(new Child(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))));
    return out;
  }

  Optional<String> guardianName(UUID guardianId) {
    List<String> out = new ArrayList<>();
    query("select first_name, last_name from guardian where id = ?", List.of(guardianId), rs -> out.add(rs.getString(1) + " " + rs.getString(2)));
    return out.stream().findFirst();
  }

  /** The pupils given, by the name they go by, in the order given; unknown ids are left out. */
  List<LogPupil> pupils(Collection<UUID> pupilIds) {
    Map<UUID, LogPupil> found = new HashMap<>();
    for (List<UUID> chunk : chunks(List.copyOf(pupilIds))) {
      query(
          "select id, legal_first_name, preferred_first_name, legal_last_name, preferred_last_name, school_id from pupil where id in ("
              + marks(chunk.size()) + ")",
          List.copyOf(chunk),
          rs -> found.put(rs.getObject(1, UUID.class), new LogPupil(rs.getObject(1, UUID.class), name(rs, 2), rs.getObject(6, UUID.class))));
    }
    return pupilIds.stream().map(found::get).filter(p -> p != null).toList();
  }

  ZoneId zoneOf(UUID schoolId) {
    List<ZoneId> out = new ArrayList<>();
    query("select time_zone from school where id = ?", List.of(schoolId), rs -> out.add(ZoneId.of(rs.getString(1))));
    return out.stream().findFirst().orElse(ZoneId.of("Europe/London"));
  }

  /** The entries of a timeline, newest first, with their messages, replies and status histories. */
  List<LogItem> entries(Scope scope, LogFilter filter, Set<UUID> restrictedSchools, ZoneId zone) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder(
            "select e.id, e.kind, e.occurred_at, e.title, e.detail, e.actor, e.restricted, e.school_id, e.guardian_id,"
                + " g.first_name, g.last_name, e.pupil_id, p.legal_first_name, p.preferred_first_name, p.legal_last_name,"
                + " p.preferred_last_name, e.message_id, m.channel, m.destination, m.status, m.failure_reason, m.review_reason,"
                + " m.subject, m.body, m.sent_at, m.delivered_at, m.read_at,"
                + " (select count(*) from message_document d where d.message_id = m.id),"
                + " e.inbound_id, i.from_number, i.body, i.received_at"
                + " from communication_entry e"
                + " left join outbound_message m on m.id = e.message_id"
                + " left join inbound_message i on i.id = e.inbound_id"
                + " left join pupil p on p.id = e.pupil_id"
                + " left join guardian g on g.id = e.guardian_id where (");
    boolean any = false;
    if (!scope.pupilIds().isEmpty()) {
      sql.append("e.pupil_id in (").append(marks(scope.pupilIds().size())).append(")");
      params.addAll(scope.pupilIds());
      any = true;
    }
    if (scope.guardianId() != null && !scope.guardianSchools().isEmpty()) {
      sql.append(any ? " or " : "").append("(e.pupil_id is null and e.guardian_id = ? and e.school_id in (")
          .append(marks(scope.guardianSchools().size())).append("))");
      params.add(scope.guardianId());
      params.addAll(scope.guardianSchools());
      any = true;
    }
    if (!any) {
      return List.of();
    }
    sql.append(")");
    if (restrictedSchools.isEmpty()) {
      sql.append(" and e.restricted = false");
    } else {
      sql.append(" and (e.restricted = false or e.school_id in (").append(marks(restrictedSchools.size())).append("))");
      params.addAll(restrictedSchools);
    }
    if (!filter.kinds().isEmpty()) {
      sql.append(" and e.kind in (").append(marks(filter.kinds().size())).append(")");
      filter.kinds().forEach(k -> params.add(k.name()));
    }
    if (filter.channel() != null) {
      sql.append(" and m.channel = ?");
      params.add(filter.channel().name());
    }
    switch (filter.status()) {
      case FAILURES -> sql.append(" and m.status in ('TEMPORARY_FAILURE', 'PERMANENT_FAILURE', 'TECHNICAL_FAILURE')");
      case NEEDS_REVIEW -> sql.append(" and m.review_reason is not null");
      case ANY -> {
        if (filter.messagesOnly()) {
          sql.append(" and m.id is not null");
        }
      }
    }
    if (filter.from() != null) {
      sql.append(" and e.occurred_at >= ?");
      params.add(startOf(filter.from(), zone));
    }
    if (filter.to() != null) {
      sql.append(" and e.occurred_at < ?");
      params.add(startOf(filter.to().plusDays(1), zone));
    }
    if (filter.text() != null) {
      String like = "%" + filter.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      sql.append(" and (");
      String[] columns = {"e.title", "e.detail", "e.actor", "m.subject", "m.body", "i.body"};
      for (int n = 0; n < columns.length; n++) {
        sql.append(n == 0 ? "" : " or ").append("lower(coalesce(").append(columns[n]).append(", '')) like ? escape '\\'");
        params.add(like);
      }
      sql.append(")");
    }
    sql.append(" order by e.occurred_at desc, e.id fetch first ").append(filter.limit()).append(" rows only");

    List<LogItem> items = new ArrayList<>();
    query(sql.toString(), params, rs -> items.add(item(rs)));
    return withMessageDetails(items);
  }

  private static LogItem item(ResultSet rs) throws SQLException {
    UUID pupilId = rs.getObject(12, UUID.class);
    UUID schoolId = rs.getObject(8, UUID.class);
    List<LogPupil> pupils = pupilId == null ? List.of() : List.of(new LogPupil(pupilId, name(rs, 13), schoolId));
    UUID messageId = rs.getObject(17, UUID.class);
    LogMessage message =
        messageId == null
            ? null
            : new LogMessage(
                messageId, Channel.valueOf(rs.getString(18)), shown(rs.getString(19)), DeliveryStatus.valueOf(rs.getString(20)),
                rs.getString(21), rs.getString(22), rs.getString(23), rs.getString(24), rs.getLong(28) > 0,
                rs.getObject(25, OffsetDateTime.class), rs.getObject(26, OffsetDateTime.class), rs.getObject(27, OffsetDateTime.class),
                List.of());
    UUID inboundId = rs.getObject(29, UUID.class);
    LogReply reply =
        inboundId == null ? null : new LogReply(inboundId, rs.getString(30), rs.getString(31), rs.getObject(32, OffsetDateTime.class));
    String guardianName = rs.getString(10) == null ? null : rs.getString(10) + " " + rs.getString(11);
    return new LogItem(
        rs.getObject(1, UUID.class), LogKind.valueOf(rs.getString(2)), rs.getObject(3, OffsetDateTime.class), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getBoolean(7), schoolId, pupils, rs.getObject(9, UUID.class), guardianName, message,
        reply);
  }

  /** A letter's address on one line; numbers and email addresses as they are. */
  static String shown(String destination) {
    return destination == null ? null : String.join(", ", destination.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
  }

  /** Adds to each message every child it names and its status history. */
  private List<LogItem> withMessageDetails(List<LogItem> items) {
    List<UUID> messageIds = items.stream().filter(i -> i.message() != null).map(i -> i.message().id()).distinct().toList();
    if (messageIds.isEmpty()) {
      return items;
    }
    Map<UUID, List<LogPupil>> pupils = new HashMap<>();
    Map<UUID, List<LogStatusEvent>> history = new HashMap<>();
    for (List<UUID> chunk : chunks(messageIds)) {
      query(
          "select mp.message_id, p.legal_first_name, p.preferred_first_name, p.legal_last_name, p.preferred_last_name, p.id, p.school_id"
              + " from outbound_message_pupil mp join pupil p on p.id = mp.pupil_id where mp.message_id in (" + marks(chunk.size()) + ")"
              + " order by p.date_of_birth, p.id",
          List.copyOf(chunk),
          rs -> pupils.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
              .add(new LogPupil(rs.getObject(6, UUID.class), name(rs, 2), rs.getObject(7, UUID.class))));
      query(
          "select message_id, status, occurred_at, provider_status, detail from message_status_event where message_id in ("
              + marks(chunk.size()) + ") order by occurred_at, id",
          List.copyOf(chunk),
          rs -> history.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
              .add(new LogStatusEvent(DeliveryStatus.valueOf(rs.getString(2)), rs.getObject(3, OffsetDateTime.class), rs.getString(4),
                  rs.getString(5))));
    }
    List<LogItem> out = new ArrayList<>(items.size());
    for (LogItem i : items) {
      if (i.message() == null) {
        out.add(i);
      } else {
        UUID id = i.message().id();
        LogItem withMessage =
            new LogItem(i.id(), i.kind(), i.when(), i.title(), i.detail(), i.actor(), i.restricted(), i.schoolId(),
                pupils.getOrDefault(id, i.pupils()), i.guardianId(), i.guardianName(),
                i.message().withHistory(history.getOrDefault(id, List.of())), i.reply());
        out.add(withMessage);
      }
    }
    return out;
  }

  /** Every message that left the school for this guardian, newest first. */
  List<LogParentMessage> parentMessages(UUID guardianId, int limit) {
    Map<UUID, LogParentMessage> messages = new LinkedHashMap<>();
    query(
        "select m.id, s.name, m.channel, m.subject, m.body, coalesce(m.sent_at, m.created_at), m.read_at,"
            + " (select count(*) from message_document d where d.message_id = m.id)"
            + " from outbound_message m join school s on s.id = m.school_id where m.guardian_id = ? and " + LEFT_THE_SCHOOL
            + " order by coalesce(m.sent_at, m.created_at) desc, m.id fetch first " + limit + " rows only",
        List.of(guardianId),
        rs -> messages.put(
            rs.getObject(1, UUID.class),
            new LogParentMessage(rs.getObject(1, UUID.class), rs.getString(2), Channel.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), List.of(),
                rs.getLong(8) > 0)));
    Map<UUID, List<String>> children = new HashMap<>();
    for (List<UUID> chunk : chunks(List.copyOf(messages.keySet()))) {
      query(
          "select mp.message_id, coalesce(p.preferred_first_name, p.legal_first_name) from outbound_message_pupil mp"
              + " join pupil p on p.id = mp.pupil_id where mp.message_id in (" + marks(chunk.size()) + ") order by p.date_of_birth, p.id",
          List.copyOf(chunk),
          rs -> children.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2)));
    }
    return messages.values().stream()
        .map(m -> new LogParentMessage(m.id(), m.schoolName(), m.channel(), m.subject(), m.body(), m.sentAt(), m.readAt(),
            children.getOrDefault(m.id(), List.of()), m.hasPdf()))
        .toList();
  }

  int unread(UUID guardianId) {
    int[] count = {0};
    query("select count(*) from outbound_message m where m.guardian_id = ? and m.read_at is null and " + LEFT_THE_SCHOOL,
        List.of(guardianId), rs -> count[0] = rs.getInt(1));
    return count[0];
  }

  /**
   * Marks this guardian's message read, once. Answers false when no message of theirs (that has
   * left the school) has this id; another family's message is never touched.
   */
  boolean markRead(UUID messageId, UUID guardianId, OffsetDateTime now) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement u =
          c.prepareStatement(
              "update outbound_message set read_at = ? where id = ? and guardian_id = ? and read_at is null"
                  + " and status not in ('CREATED', 'CANCELLED')")) {
        u.setObject(1, now);
        u.setObject(2, messageId);
        u.setObject(3, guardianId);
        if (u.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement s =
          c.prepareStatement("select count(*) from outbound_message m where m.id = ? and m.guardian_id = ? and " + LEFT_THE_SCHOOL)) {
        s.setObject(1, messageId);
        s.setObject(2, guardianId);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          return rs.getLong(1) > 0;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not mark the message read", e);
    }
  }

  private static String name(ResultSet rs, int legalFirstColumn) throws SQLException {
    String legalFirst = rs.getString(legalFirstColumn);
    String preferredFirst = rs.getString(legalFirstColumn + 1);
    String legalLast = rs.getString(legalFirstColumn + 2);
    String preferredLast = rs.getString(legalFirstColumn + 3);
    if (legalFirst == null) {
      return null;
    }
    return (preferredFirst == null ? legalFirst : preferredFirst) + " " + (preferredLast == null ? legalLast : preferredLast);
  }

  private static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toOffsetDateTime();
  }

  private static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  private static <T> List<List<T>> chunks(List<T> all) {
    List<List<T>> out = new ArrayList<>();
    for (int from = 0; from < all.size(); from += 500) {
      out.add(all.subList(from, Math.min(all.size(), from + 500)));
    }
    return out;
  }

  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, List<?> params, RowReader reader) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the communication log", e);
    }
  }
}

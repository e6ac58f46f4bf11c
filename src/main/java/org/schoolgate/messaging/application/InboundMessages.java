package org.schoolgate.messaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.validation.AccessDeniedException;

/**
 * Texts that families send to the school's number. STOP switches texts off for every guardian
 * with that mobile (and START back on), with a confirmation; HELP answers with how to reach the
 * school. Any other reply is matched to the guardian by number and to the child whose absence the
 * school last texted about, shown in the office inbox and written to the family's log. Each text
 * is kept once, however often the provider posts it.
 */
@ApplicationScoped
public class InboundMessages {

  private static final Logger LOG = Logger.getLogger(InboundMessages.class.getName());

  /** Replies to a text about an absence within this many days are matched to that absence's child. */
  static final int MATCH_DAYS = 3;

  private DataSource dataSource;
  private Clock clock;
  private CurrentUser currentUser;

  protected InboundMessages() {}

  @Inject
  public InboundMessages(DataSource dataSource, Clock clock, CurrentUser currentUser) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.currentUser = currentUser;
  }

  /** What a family texted, in our words. */
  public enum Keyword {
    STOP,
    START,
    HELP,
    OTHER
  }

  /** One reply in the office inbox. */
  public record Reply(
      UUID id, OffsetDateTime receivedAt, String fromNumber, String body, String guardianName, UUID guardianId, String pupilName,
      UUID pupilId, String handledBy) {}

  /**
   * Records a text and answers it.
   *
   * @return the text to send back to the family, or null for none
   */
  public String receive(String reference, String fromE164, String toE164, String body, Keyword keyword) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        if (alreadyHave(c, reference)) {
          c.rollback();
          return null;
        }
        Map<UUID, String> guardians = guardiansWith(c, fromE164);
        String reply = null;
        UUID inboundId = UUID.randomUUID();
        UUID guardian = guardians.size() == 1 ? guardians.keySet().iterator().next() : null;
        List<Child> children = childrenOf(c, guardians.keySet());
        Child matched = keyword == Keyword.OTHER ? match(c, guardians.keySet(), children, now) : null;
        UUID schoolId = matched != null ? matched.schoolId() : children.isEmpty() ? null : children.get(0).schoolId();
        insert(c, inboundId, reference, now, fromE164, toE164, body, keyword, schoolId, guardian, matched == null ? null : matched.pupilId());
        switch (keyword) {
          case STOP -> {
            optOut(c, guardians.keySet(), true);
            log(c, children, guardians, now, inboundId, "Texted STOP: texts switched off", "The family will get emails or letters instead.");
            reply = "You will no longer get texts from your child's school through Schoolgate. Reply START to get them again.";
          }
          case START -> {
            optOut(c, guardians.keySet(), false);
            log(c, children, guardians, now, inboundId, "Texted START: texts switched back on", null);
            reply = "Texts from your child's school are switched on again. Reply STOP at any time to switch them off.";
          }
          case HELP -> reply = help(c, children);
          case OTHER -> {
            List<Child> about = matched != null ? List.of(matched) : children.size() == 1 ? children : List.of();
            if (about.isEmpty()) {
              logFamily(c, guardians, schoolId, now, inboundId, body);
            } else {
              log(c, about, guardians, now, inboundId, "Text reply from the family", body);
            }
          }
        }
        c.commit();
        LOG.info(() -> "Inbound text " + reference + " recorded as " + keyword + " for " + guardians.size() + " guardian(s)");
        return reply;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the inbound text", e);
    }
  }

  /** The office inbox: replies matched to the school, and texts from numbers nobody recognises. */
  public List<Reply> inbox(UUID schoolId, boolean unhandledOnly, int limit) {
    SignedInUser user = currentUser.requireStaff();
    if (user.rolesAt(schoolId).isEmpty()) {
      throw new AccessDeniedException("You do not work at this school");
    }
    List<Reply> replies = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select i.id, i.received_at, i.from_number, i.body, g.title, g.first_name, g.last_name, i.guardian_id,"
                    + " coalesce(p.preferred_first_name, p.legal_first_name) || ' ' || coalesce(p.preferred_last_name, p.legal_last_name), i.pupil_id, i.handled_by"
                    + " from inbound_message i left join guardian g on g.id = i.guardian_id left join pupil p on p.id = i.pupil_id"
                    + " where (i.school_id = ? or i.school_id is null) and i.keyword = 'OTHER'"
                    + (unhandledOnly ? " and i.handled_at is null" : "")
                    + " order by i.received_at desc fetch first " + Math.max(1, limit) + " rows only")) {
      ps.setObject(1, schoolId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(7) == null ? null : (rs.getString(5) == null ? rs.getString(6) : rs.getString(5)) + " " + rs.getString(7);
          replies.add(new Reply(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4), name,
              rs.getObject(8, UUID.class), rs.getString(9), rs.getObject(10, UUID.class), rs.getString(11)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the inbox", e);
    }
    return replies;
  }

  /** Marks a reply as dealt with by the signed-in member of staff. */
  public void markHandled(UUID schoolId, UUID replyId) {
    SignedInUser user = currentUser.requireStaff();
    if (user.rolesAt(schoolId).isEmpty()) {
      throw new AccessDeniedException("You do not work at this school");
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update inbound_message set handled_by = ?, handled_at = ? where id = ? and (school_id = ? or school_id is null)")) {
      ps.setString(1, user.displayName());
      ps.setObject(2, OffsetDateTime.now(clock));
      ps.setObject(3, replyId);
      ps.setObject(4, schoolId);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not update the reply", e);
    }
  }

  private record Child(UUID pupilId, UUID schoolId, UUID guardianId) {}

  private static boolean alreadyHave(Connection c, String reference) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select 1 from inbound_message where provider_reference = ?")) {
      ps.setString(1, reference);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static Map<UUID, String> guardiansWith(Connection c, String mobile) throws SQLException {
    Map<UUID, String> out = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("select id, title, first_name, last_name from guardian where mobile = ? order by last_name, id")) {
      ps.setString(1, mobile);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getObject(1, UUID.class), (rs.getString(2) == null ? rs.getString(3) : rs.getString(2)) + " " + rs.getString(4));
        }
      }
    }
    return out;
  }

  private static List<Child> childrenOf(Connection c, Set<UUID> guardians) throws SQLException {
    List<Child> out = new ArrayList<>();
    for (UUID g : guardians) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "select p.id, p.school_id from pupil_guardian pg join pupil p on p.id = pg.pupil_id"
                  + " where pg.guardian_id = ? and pg.no_contact = false order by p.date_of_birth")) {
        ps.setObject(1, g);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Child(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), g));
          }
        }
      }
    }
    return out;
  }

  /** The child the school last texted these guardians about an absence, within the last few days. */
  private static Child match(Connection c, Set<UUID> guardians, List<Child> children, OffsetDateTime now) throws SQLException {
    for (UUID g : guardians) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "select mp.pupil_id, m.school_id from outbound_message m join outbound_message_pupil mp on mp.message_id = m.id"
                  + " where m.guardian_id = ? and m.purpose like '%absence%' and m.created_at >= ? order by m.created_at desc")) {
        ps.setObject(1, g);
        ps.setObject(2, now.minusDays(MATCH_DAYS));
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return new Child(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), g);
          }
        }
      }
    }
    return null;
  }

  private static void insert(
      Connection c, UUID id, String reference, OffsetDateTime now, String from, String to, String body, Keyword keyword, UUID schoolId,
      UUID guardian, UUID pupil) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into inbound_message (id, provider_reference, received_at, from_number, to_number, body, keyword, school_id,"
                + " guardian_id, pupil_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, id);
      ps.setString(2, reference);
      ps.setObject(3, now);
      ps.setString(4, from);
      ps.setString(5, to);
      ps.setString(6, body.length() > 1600 ? body.substring(0, 1600) : body);
      ps.setString(7, keyword.name());
      ps.setObject(8, schoolId);
      ps.setObject(9, guardian);
      ps.setObject(10, pupil);
      ps.executeUpdate();
    }
  }

  private static void optOut(Connection c, Set<UUID> guardians, boolean optOut) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("update guardian set sms_opt_out = ?, version = version + 1 where id = ?")) {
      for (UUID g : guardians) {
        ps.setBoolean(1, optOut);
        ps.setObject(2, g);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void log(Connection c, List<Child> children, Map<UUID, String> guardians, OffsetDateTime now, UUID inboundId, String title, String detail)
      throws SQLException {
    Set<String> done = new LinkedHashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into communication_entry (id, school_id, pupil_id, guardian_id, occurred_at, kind, title, detail, inbound_id, actor,"
                + " restricted) values (?, ?, ?, ?, ?, 'REPLY', ?, ?, ?, ?, false)")) {
      for (Child child : children) {
        if (!done.add(child.pupilId() + "|" + child.guardianId())) {
          continue;
        }
        ps.setObject(1, UUID.randomUUID());
        ps.setObject(2, child.schoolId());
        ps.setObject(3, child.pupilId());
        ps.setObject(4, child.guardianId());
        ps.setObject(5, now);
        ps.setString(6, title);
        ps.setString(7, detail);
        ps.setObject(8, inboundId);
        ps.setString(9, guardians.getOrDefault(child.guardianId(), "Family"));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void logFamily(Connection c, Map<UUID, String> guardians, UUID schoolId, OffsetDateTime now, UUID inboundId, String body)
      throws SQLException {
    if (schoolId == null) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into communication_entry (id, school_id, guardian_id, occurred_at, kind, title, detail, inbound_id, actor, restricted)"
                + " values (?, ?, ?, ?, 'REPLY', 'Text reply from the family', ?, ?, ?, false)")) {
      for (Map.Entry<UUID, String> g : guardians.entrySet()) {
        ps.setObject(1, UUID.randomUUID());
        ps.setObject(2, schoolId);
        ps.setObject(3, g.getKey());
        ps.setObject(4, now);
        ps.setString(5, body);
        ps.setObject(6, inboundId);
        ps.setString(7, g.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static String help(Connection c, List<Child> children) throws SQLException {
    Set<UUID> schools = new LinkedHashSet<>();
    children.forEach(ch -> schools.add(ch.schoolId()));
    List<String> lines = new ArrayList<>();
    for (UUID school : schools) {
      try (PreparedStatement ps = c.prepareStatement("select name, phone from school where id = ?")) {
        ps.setObject(1, school);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            lines.add(rs.getString(1) + (rs.getString(2) == null ? "" : ": " + rs.getString(2)));
          }
        }
      }
    }
    return "This number sends messages from your child's school. To talk to someone, ring "
        + (lines.isEmpty() ? "the school office" : String.join("; ", lines)) + ". Reply STOP to stop texts.";
  }
}

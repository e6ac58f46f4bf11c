package org.schoolgate.messaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.schoolgate.messaging.domain.Channel;
import org.schoolgate.messaging.domain.DeliveryStatus;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.validation.AccessDeniedException;

/**
 * What staff see of a school's outgoing messages: the newest first with their status, and the
 * ones that need a person (failed for good, or in review because nobody can tell whether they
 * went). Read-only; decisions on reviewed messages go through {@link MessageReview}.
 */
@ApplicationScoped
public class OutboundMessages {

  private DataSource dataSource;
  private CurrentUser currentUser;

  protected OutboundMessages() {}

  @Inject
  public OutboundMessages(DataSource dataSource, CurrentUser currentUser) {
    this.dataSource = dataSource;
    this.currentUser = currentUser;
  }

  /** Which messages a list shows. */
  public enum Show {
    ALL("All messages"),
    NEEDS_ATTENTION("Needs attention"),
    WAITING("Waiting to send");

    private final String label;

    Show(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One message as a list shows it. */
  public record Line(
      UUID id,
      OffsetDateTime createdAt,
      Channel channel,
      String templateId,
      String title,
      String recipient,
      String pupils,
      DeliveryStatus status,
      String reason,
      boolean inReview,
      String createdBy,
      OffsetDateTime nextAttemptAt,
      int attempts) {

    /** The status as staff read it, with "needs review" when a person must decide. */
    public String statusText() {
      return inReview ? "Needs review" : status.label();
    }
  }

  /** The newest messages of a school. */
  public List<Line> recent(UUID schoolId, Show show, int limit) {
    mayRead(schoolId);
    String where =
        switch (show) {
          case ALL -> "";
          case NEEDS_ATTENTION ->
              " and (m.review_reason is not null or m.status in ('PERMANENT_FAILURE', 'TECHNICAL_FAILURE', 'TEMPORARY_FAILURE'))";
          case WAITING -> " and m.status = 'CREATED'";
        };
    String sql =
        "select m.id, m.created_at, m.channel, m.template_id, coalesce(m.subject, m.template_id), m.destination,"
            + " (select string_agg(coalesce(p.preferred_first_name, p.legal_first_name) || ' ' || coalesce(p.preferred_last_name, p.legal_last_name), ', ') from outbound_message_pupil mp"
            + "   join pupil p on p.id = mp.pupil_id where mp.message_id = m.id),"
            + " m.status, coalesce(m.review_reason, m.failure_reason), m.review_reason is not null, m.created_by,"
            + " m.next_attempt_at, m.attempts, g.title, g.first_name, g.last_name"
            + " from outbound_message m left join guardian g on g.id = m.guardian_id"
            + " where m.school_id = ?" + where + " order by m.created_at desc fetch first " + Math.max(1, limit) + " rows only";
    List<Line> lines = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, schoolId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Channel channel = Channel.valueOf(rs.getString(3));
          String guardian = name(rs.getString(14), rs.getString(15), rs.getString(16));
          String destination = channel == Channel.LETTER ? rs.getString(6).split("\n")[0] : rs.getString(6);
          String recipient = guardian == null ? destination : channel == Channel.IN_APP ? guardian + " (portal)" : guardian + " · " + destination;
          lines.add(new Line(
              rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class), channel, rs.getString(4), rs.getString(5),
              recipient, rs.getString(7) == null ? "" : rs.getString(7), DeliveryStatus.valueOf(rs.getString(8)), rs.getString(9),
              rs.getBoolean(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class), rs.getInt(13)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list the school's messages", e);
    }
    return lines;
  }

  /** How many of a school's messages are in each status today and in review, for the summary line. */
  public Map<DeliveryStatus, Integer> countsSince(UUID schoolId, OffsetDateTime since) {
    mayRead(schoolId);
    Map<DeliveryStatus, Integer> counts = new EnumMap<>(DeliveryStatus.class);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select status, count(*) from outbound_message where school_id = ? and created_at >= ? group by status")) {
      ps.setObject(1, schoolId);
      ps.setObject(2, since);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getInt(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the school's messages", e);
    }
    return counts;
  }

  /** One message's status history, oldest first: "Created", "Sending", "Delivered" with their times and details. */
  public List<StatusStep> history(UUID schoolId, UUID messageId) {
    mayRead(schoolId);
    List<StatusStep> steps = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select e.status, e.occurred_at, e.provider_status, e.detail from message_status_event e"
                    + " join outbound_message m on m.id = e.message_id where m.id = ? and m.school_id = ? order by e.id")) {
      ps.setObject(1, messageId);
      ps.setObject(2, schoolId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          steps.add(new StatusStep(DeliveryStatus.valueOf(rs.getString(1)), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the message's history", e);
    }
    return steps;
  }

  /** One step in a message's life. */
  public record StatusStep(DeliveryStatus status, OffsetDateTime at, String providerStatus, String detail) {}

  /** The text exactly as it was sent. */
  public String body(UUID schoolId, UUID messageId) {
    mayRead(schoolId);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select subject, body from outbound_message where id = ? and school_id = ?")) {
      ps.setObject(1, messageId);
      ps.setObject(2, schoolId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return "";
        }
        return rs.getString(1) == null ? rs.getString(2) : rs.getString(1) + "\n\n" + rs.getString(2);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the message", e);
    }
  }

  private void mayRead(UUID schoolId) {
    SignedInUser user = currentUser.requireStaff();
    if (user.rolesAt(schoolId).isEmpty()) {
      throw new AccessDeniedException("You do not work at this school");
    }
  }

  private static String name(String title, String first, String last) {
    if (last == null) {
      return null;
    }
    return title == null ? first + " " + last : title + " " + last;
  }
}

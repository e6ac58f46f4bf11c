package org.schoolgate.messaging.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * A person's decision on a message in review: one that may or may not have reached the family
 * (the provider timed out after it may have accepted it, or the server stopped mid-send).
 * Schoolgate never resends such a message by itself; someone who can check (the family's phone,
 * the provider's console) decides to send it again or to leave it.
 */
@ApplicationScoped
public class MessageReview {

  static final Set<StaffRole> DECIDERS =
      EnumSet.of(StaffRole.OFFICE, StaffRole.ATTENDANCE_OFFICER, StaffRole.PASTORAL_LEAD, StaffRole.HEADTEACHER, StaffRole.ADMINISTRATOR);

  private OutboxStore outbox;
  private DataSource dataSource;
  private CurrentUser currentUser;
  private Event<Messages.MessagesQueued> queued;
  private Clock clock;

  protected MessageReview() {}

  @Inject
  public MessageReview(DataSource dataSource, CurrentUser currentUser, Event<Messages.MessagesQueued> queued, Clock clock) {
    this.clock = clock;
    this.dataSource = dataSource;
    this.outbox = new OutboxStore(dataSource);
    this.currentUser = currentUser;
    this.queued = queued;
  }

  /** Sends the message again (it goes back to the queue), or leaves it as not sent again. */
  public void decide(UUID schoolId, UUID messageId, boolean sendAgain) {
    SignedInUser user = currentUser.requireStaff();
    if (!user.hasAnyRoleAt(schoolId, DECIDERS)) {
      throw new AccessDeniedException("Only office, attendance and senior staff decide on messages in review");
    }
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.PreparedStatement ps = c.prepareStatement("select 1 from outbound_message where id = ? and school_id = ?")) {
      ps.setObject(1, messageId);
      ps.setObject(2, schoolId);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new AccessDeniedException("This message is not one of your school's");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not find the message", e);
    }
    try {
      if (!outbox.releaseFromReview(messageId, user.displayName(), sendAgain, OffsetDateTime.now(clock))) {
        throw new InvalidInputException("message", "This message is no longer waiting for a decision; refresh to see what happened");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the decision", e);
    }
    if (sendAgain) {
      queued.fire(new Messages.MessagesQueued(1));
    }
  }
}

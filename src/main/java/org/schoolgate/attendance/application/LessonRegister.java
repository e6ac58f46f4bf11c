package org.schoolgate.attendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.schoolgate.directory.domain.Phase;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.PupilAccessPolicy;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.InvalidInputException;
import org.schoolgate.platform.validation.NotFoundException;

/**
 * Lesson-by-lesson registers for secondary pupils (attendance rules R1.5), kept apart from the
 * statutory marks: they never change a pupil's figures, and show absence tied to subjects.
 */
@ApplicationScoped
@Transactional
public class LessonRegister {

  /** A lesson mark: present, late or absent, with the reason when known. */
  public record LessonEntry(UUID pupilId, LocalDate date, int period, String subject, String mark, String reason) {}

  static final Set<String> MARKS = Set.of("PRESENT", "LATE", "ABSENT");

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  private CurrentUser currentUser;
  private Clock clock;
  private DataSource dataSource;

  protected LessonRegister() {}

  @Inject
  public LessonRegister(CurrentUser currentUser, Clock clock, DataSource dataSource) {
    this.currentUser = currentUser;
    this.clock = clock;
    this.dataSource = dataSource;
  }

  public LessonEntry record(LessonEntry entry) {
    SignedInUser user = currentUser.requireStaff();
    Pupil pupil = em.find(Pupil.class, entry.pupilId());
    if (pupil == null || !PupilAccessPolicy.staffMaySee(user, pupil)) {
      throw new NotFoundException("Pupil");
    }
    if (!user.hasAnyRoleAt(pupil.getSchool().getId(), MarkRegister.REGISTER_ROLES)) {
      throw new AccessDeniedException("Only staff who take registers can record lesson marks");
    }
    if (pupil.getSchool().getPhase() == Phase.PRIMARY) {
      throw new InvalidInputException("period", pupil.getSchool().getName() + " does not take lesson registers");
    }
    if (entry.period() < 1 || entry.period() > 12) {
      throw new InvalidInputException("period", "Lessons are numbered from period 1");
    }
    if (entry.subject() == null || entry.subject().isBlank() || entry.subject().length() > 60) {
      throw new InvalidInputException("subject", "Give the lesson's subject (up to 60 characters)");
    }
    String mark = entry.mark() == null ? "" : entry.mark().trim().toUpperCase(Locale.ROOT);
    if (!MARKS.contains(mark)) {
      throw new InvalidInputException("mark", "A lesson mark is PRESENT, LATE or ABSENT");
    }
    if (entry.date() == null || entry.date().isAfter(LocalDate.now(clock)) || !pupil.isOnRoll(entry.date())) {
      throw new InvalidInputException("date", "Lesson marks are for past or present lessons while the pupil is on roll");
    }
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement delete =
          c.prepareStatement("delete from lesson_mark where pupil_id = ? and lesson_date = ? and period = ?")) {
        delete.setObject(1, pupil.getId());
        delete.setObject(2, entry.date());
        delete.setInt(3, entry.period());
        delete.executeUpdate();
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into lesson_mark (pupil_id, lesson_date, period, subject, mark, reason, recorded_at)"
                  + " values (?, ?, ?, ?, ?, ?, ?)")) {
        insert.setObject(1, pupil.getId());
        insert.setObject(2, entry.date());
        insert.setInt(3, entry.period());
        insert.setString(4, entry.subject().trim());
        insert.setString(5, mark);
        insert.setString(6, entry.reason() == null || entry.reason().isBlank() ? null : entry.reason().trim());
        insert.setObject(7, OffsetDateTime.now(clock));
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not save the lesson mark", e);
    }
    return new LessonEntry(pupil.getId(), entry.date(), entry.period(), entry.subject().trim(), mark, entry.reason());
  }

  /** A pupil's lesson marks between two dates, in order. */
  public List<LessonEntry> lessonsOf(UUID pupilId, LocalDate from, LocalDate to) {
    SignedInUser user = currentUser.requireStaff();
    Pupil pupil = em.find(Pupil.class, pupilId);
    if (pupil == null || !PupilAccessPolicy.staffMaySee(user, pupil)) {
      throw new NotFoundException("Pupil");
    }
    return read(pupilId, from, to);
  }

  /** Without a permission check: for the rules (post-registration absence) and background jobs. */
  public List<LessonEntry> read(UUID pupilId, LocalDate from, LocalDate to) {
    List<LessonEntry> lessons = new ArrayList<>();
    String sql =
        "select lesson_date, period, subject, mark, reason from lesson_mark where pupil_id = ?"
            + " and lesson_date between ? and ? order by lesson_date, period";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, pupilId);
      ps.setObject(2, from);
      ps.setObject(3, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lessons.add(
              new LessonEntry(
                  pupilId, rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read lesson marks", e);
    }
    return lessons;
  }
}

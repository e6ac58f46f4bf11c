package org.schoolgate.attendance.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.schoolgate.attendance.domain.MarkSource;
import org.schoolgate.directory.domain.Session;

/**
 * Reads and writes statutory marks with plain SQL: the register holds millions of rows, so lists
 * and evaluations stream them rather than load entities. Connections join the caller's
 * transaction.
 */
public class MarkStore {

  private static final String COLUMNS =
      "pupil_id, session_date, session, code, minutes_late, arrival_time, reason, source, recorded_at, recorded_by";

  private final DataSource dataSource;

  public MarkStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<StoredMark> find(UUID pupilId, LocalDate date, Session session) {
    List<StoredMark> found =
        query(
            "select " + COLUMNS + " from attendance_mark where pupil_id = ? and session_date = ? and session = ?",
            ps -> {
              ps.setObject(1, pupilId);
              ps.setObject(2, date);
              ps.setString(3, session.name());
            });
    return found.stream().findFirst();
  }

  /** One pupil's marks from {@code from} to {@code to}, both included, in session order. */
  public List<StoredMark> marksOf(UUID pupilId, LocalDate from, LocalDate to) {
    return query(
        "select " + COLUMNS + " from attendance_mark where pupil_id = ? and session_date between ? and ?"
            + " order by session_date, session",
        ps -> {
          ps.setObject(1, pupilId);
          ps.setObject(2, from);
          ps.setObject(3, to);
        });
  }

  /** One session's marks for a set of pupils, by pupil. */
  public Map<UUID, StoredMark> sessionMarks(List<UUID> pupilIds, LocalDate date, Session session) {
    Map<UUID, StoredMark> byPupil = new LinkedHashMap<>();
    for (List<UUID> chunk : chunks(pupilIds, 500)) {
      String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      query(
              "select " + COLUMNS + " from attendance_mark where session_date = ? and session = ? and pupil_id in (" + in + ")",
              ps -> {
                ps.setObject(1, date);
                ps.setString(2, session.name());
                for (int i = 0; i < chunk.size(); i++) {
                  ps.setObject(3 + i, chunk.get(i));
                }
              })
          .forEach(m -> byPupil.put(m.pupilId(), m));
    }
    return byPupil;
  }

  /**
   * Streams a school's marks from {@code from} to {@code to} ordered by pupil then session, handing
   * each pupil's marks over in one list so memory holds one pupil at a time.
   */
  public void forEachPupil(UUID schoolId, LocalDate from, LocalDate to, BiConsumer<UUID, List<StoredMark>> consumer) {
    String sql =
        "select m.pupil_id, m.session_date, m.session, m.code, m.minutes_late, m.arrival_time, m.reason, m.source,"
            + " m.recorded_at, m.recorded_by from attendance_mark m join pupil p on p.id = m.pupil_id"
            + " where p.school_id = ? and m.session_date between ? and ? order by m.pupil_id, m.session_date, m.session";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setFetchSize(5000);
      ps.setObject(1, schoolId);
      ps.setObject(2, from);
      ps.setObject(3, to);
      try (ResultSet rs = ps.executeQuery()) {
        UUID current = null;
        List<StoredMark> marks = new ArrayList<>();
        while (rs.next()) {
          StoredMark m = read(rs);
          if (current != null && !current.equals(m.pupilId())) {
            consumer.accept(current, marks);
            marks = new ArrayList<>();
          }
          current = m.pupilId();
          marks.add(m);
        }
        if (current != null) {
          consumer.accept(current, marks);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the register", e);
    }
  }

  /** Writes the mark, replacing any earlier mark for the same pupil and session. */
  public void save(StoredMark mark) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement delete =
          c.prepareStatement("delete from attendance_mark where pupil_id = ? and session_date = ? and session = ?")) {
        delete.setObject(1, mark.pupilId());
        delete.setObject(2, mark.date());
        delete.setString(3, mark.session().name());
        delete.executeUpdate();
      }
      try (PreparedStatement insert =
          c.prepareStatement("insert into attendance_mark (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setObject(1, mark.pupilId());
        insert.setObject(2, mark.date());
        insert.setString(3, mark.session().name());
        insert.setString(4, mark.code());
        if (mark.minutesLate() == null) {
          insert.setNull(5, Types.INTEGER);
        } else {
          insert.setInt(5, mark.minutesLate());
        }
        insert.setObject(6, mark.arrivalTime());
        insert.setString(7, mark.reason());
        insert.setString(8, mark.source().name());
        insert.setObject(9, mark.recordedAt());
        insert.setObject(10, mark.recordedBy());
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not save the mark", e);
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<StoredMark> query(String sql, Binder binder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      List<StoredMark> marks = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          marks.add(read(rs));
        }
      }
      return marks;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the register", e);
    }
  }

  private static StoredMark read(ResultSet rs) throws SQLException {
    int late = rs.getInt(5);
    Integer minutesLate = rs.wasNull() ? null : late;
    return new StoredMark(
        rs.getObject(1, UUID.class),
        rs.getObject(2, LocalDate.class),
        Session.valueOf(rs.getString(3)),
        rs.getString(4),
        minutesLate,
        rs.getObject(6, LocalTime.class),
        rs.getString(7),
        MarkSource.valueOf(rs.getString(8)),
        rs.getObject(9, OffsetDateTime.class),
        rs.getObject(10, UUID.class));
  }

  static <T> List<List<T>> chunks(List<T> list, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < list.size(); i += size) {
      chunks.add(list.subList(i, Math.min(list.size(), i + size)));
    }
    return chunks;
  }
}

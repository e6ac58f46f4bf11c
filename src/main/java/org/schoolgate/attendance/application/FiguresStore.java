package org.schoolgate.attendance.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.schoolgate.attendance.domain.AttendanceCode;
import org.schoolgate.attendance.domain.AttendanceFigures;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.attendance.domain.CountsAs;

/**
 * The per-pupil figures table ({@code pupil_figures}) in SQL: a set-based recompute for a whole
 * school, and deltas applied after a register change or an import, so lists, dashboards and the
 * stage review never re-read millions of marks. The counting rules come from the code table, so
 * SQL and {@link AttendanceFigures#of} count the same way (a test checks both on the demo data).
 */
public class FiguresStore {

  /** One row of the figures table. */
  public record Row(
      UUID pupilId,
      UUID schoolId,
      AttendanceFigures figures,
      int marked,
      int unmarked,
      int recentPossible,
      int recentAttended,
      LocalDate periodFrom,
      LocalDate periodTo,
      int reviewPossible,
      int reviewAttended) {

    /** The figures as they stood before the most recent school week, for trend arrows. */
    public AttendanceFigures beforeRecentWeek() {
      int possible = figures.possible() - recentPossible;
      int attended = figures.attended() - recentAttended;
      return new AttendanceFigures(possible, attended, possible - attended, 0, 0, 0);
    }

    /** Cumulative attendance at the previous fortnightly review, if the pupil had sessions then. */
    public Optional<org.schoolgate.attendance.domain.Rate> previousReview() {
      return reviewPossible == 0
          ? Optional.empty()
          : Optional.of(new org.schoolgate.attendance.domain.Rate(reviewAttended, reviewPossible));
    }
  }

  /** A change to one mark: the code before (null for a new mark) and after. */
  public record Change(UUID pupilId, LocalDate date, String before, String after) {}

  private static final String COLUMNS =
      "pupil_id, school_id, possible, attended, authorised, unauthorised, lates, lates_after_close, marked, unmarked,"
          + " recent_possible, recent_attended, period_from, period_to, review_possible, review_attended";

  private final DataSource dataSource;
  private final CodeBook codes;

  public FiguresStore(DataSource dataSource, CodeBook codes) {
    this.dataSource = dataSource;
    this.codes = codes;
  }

  /**
   * Recomputes every pupil of the school from the register in one statement: this school year's
   * marks from {@code from} to {@code to}, with {@code recentFrom} starting the latest school week.
   * Unmarked sessions are then set from {@code expectedSessions}, the number of sessions the school
   * has met while each pupil was on roll.
   */
  public int recomputeSchool(
      UUID schoolId, LocalDate from, LocalDate to, LocalDate recentFrom, ExpectedSessions expectedSessions, OffsetDateTime now) {
    String sql =
        "insert into pupil_figures (" + COLUMNS + ", recent_from, computed_at, review_before) select p.id, p.school_id, "
            + sum(c -> c.countsAs().isPossible()) + ", "
            + sum(c -> c.countsAs() == CountsAs.ATTENDED) + ", "
            + sum(c -> c.countsAs() == CountsAs.AUTHORISED) + ", "
            + sum(c -> c.countsAs() == CountsAs.UNAUTHORISED) + ", "
            + sum(c -> c.late() && c.countsAs() == CountsAs.ATTENDED) + ", "
            + sum(c -> c.late() && c.countsAs() == CountsAs.UNAUTHORISED) + ", "
            + sum(c -> !c.code().equals("#")) + ", 0, "
            + recentSum(c -> c.countsAs().isPossible()) + ", "
            + recentSum(c -> c.countsAs() == CountsAs.ATTENDED) + ", ?, ?, "
            + reviewSum(c -> c.countsAs().isPossible()) + ", "
            + reviewSum(c -> c.countsAs() == CountsAs.ATTENDED) + ", ?, ?, ?"
            + " from pupil p left join attendance_mark m on m.pupil_id = p.id and m.session_date between ? and ?"
            + " where p.school_id = ? group by p.id, p.school_id";
    try (Connection c = dataSource.getConnection()) {
      // one recompute of a school at a time, on any node: lock the school's row first
      try (PreparedStatement lock = c.prepareStatement("select id from school where id = ? for update")) {
        lock.setObject(1, schoolId);
        lock.executeQuery().close();
      }
      try (PreparedStatement delete = c.prepareStatement("delete from pupil_figures where school_id = ?")) {
        delete.setObject(1, schoolId);
        delete.executeUpdate();
      }
      int rows;
      try (PreparedStatement insert = c.prepareStatement(sql)) {
        int i = 1;
        LocalDate reviewBefore = recentFrom.minusWeeks(1);
        insert.setObject(i++, recentFrom);
        insert.setObject(i++, recentFrom);
        insert.setObject(i++, from);
        insert.setObject(i++, to);
        insert.setObject(i++, reviewBefore);
        insert.setObject(i++, reviewBefore);
        insert.setObject(i++, recentFrom);
        insert.setObject(i++, now);
        insert.setObject(i++, reviewBefore);
        insert.setObject(i++, from);
        insert.setObject(i++, to);
        insert.setObject(i, schoolId);
        rows = insert.executeUpdate();
      }
      setUnmarked(c, schoolId, expectedSessions);
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not recompute the figures of school " + schoolId, e);
    }
  }

  /**
   * The number of sessions a school met while a pupil was on roll, by roll dates: most pupils of a
   * school share their roll dates, so this is asked a handful of times per school.
   */
  public interface ExpectedSessions {
    int between(LocalDate onRollFrom, LocalDate onRollTo);
  }

  private void setUnmarked(Connection c, UUID schoolId, ExpectedSessions expected) throws SQLException {
    List<LocalDate[]> rolls = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("select distinct on_roll_from, on_roll_to from pupil where school_id = ?")) {
      ps.setObject(1, schoolId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rolls.add(new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)});
        }
      }
    }
    try (PreparedStatement withEnd =
            c.prepareStatement(
                "update pupil_figures set unmarked = case when ? > marked then ? - marked else 0 end where pupil_id in"
                    + " (select id from pupil where school_id = ? and on_roll_from = ? and on_roll_to = ?)");
        PreparedStatement open =
            c.prepareStatement(
                "update pupil_figures set unmarked = case when ? > marked then ? - marked else 0 end where pupil_id in"
                    + " (select id from pupil where school_id = ? and on_roll_from = ? and on_roll_to is null)")) {
      for (LocalDate[] roll : rolls) {
        int n = expected.between(roll[0], roll[1]);
        PreparedStatement ps = roll[1] == null ? open : withEnd;
        ps.setInt(1, n);
        ps.setInt(2, n);
        ps.setObject(3, schoolId);
        ps.setObject(4, roll[0]);
        if (roll[1] != null) {
          ps.setObject(5, roll[1]);
        }
        ps.executeUpdate();
      }
    }
  }

  /**
   * Applies register changes to the stored figures without re-reading the register: each change
   * takes the old code's counts away and adds the new code's. This week's counts move too when
   * the change's session is on or after {@code recentFrom} (this week's Monday), and the previous
   * fortnightly review's when it is before the Monday a week earlier.
   */
  public int applyChanges(Collection<Change> changes, LocalDate recentFrom) {
    Map<UUID, int[]> deltas = new HashMap<>();
    for (Change change : changes) {
      int[] d = deltas.computeIfAbsent(change.pupilId(), k -> new int[11]);
      boolean recent = !change.date().isBefore(recentFrom);
      boolean beforeReview = change.date().isBefore(recentFrom.minusWeeks(1));
      if (change.before() != null) {
        add(d, codes.get(change.before()), -1, recent, beforeReview);
      }
      if (change.after() != null) {
        add(d, codes.get(change.after()), +1, recent, beforeReview);
      }
    }
    String sql =
        "update pupil_figures set possible = possible + ?, attended = attended + ?, authorised = authorised + ?,"
            + " unauthorised = unauthorised + ?, lates = lates + ?, lates_after_close = lates_after_close + ?,"
            + " marked = marked + ?, unmarked = case when unmarked - ? < 0 then 0 else unmarked - ? end,"
            + " recent_possible = recent_possible + ?, recent_attended = recent_attended + ?,"
            + " review_possible = review_possible + ?, review_attended = review_attended + ? where pupil_id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int batched = 0;
      for (Map.Entry<UUID, int[]> e : deltas.entrySet()) {
        int[] d = e.getValue();
        for (int i = 0; i < 7; i++) {
          ps.setInt(i + 1, d[i]);
        }
        ps.setInt(8, d[6]);
        ps.setInt(9, d[6]);
        ps.setInt(10, d[7]);
        ps.setInt(11, d[8]);
        ps.setInt(12, d[9]);
        ps.setInt(13, d[10]);
        ps.setObject(14, e.getKey());
        ps.addBatch();
        if (++batched % 1000 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
      return deltas.size();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not update the figures", e);
    }
  }

  /**
   * Makes sure each pupil has a figures row (all zero) before deltas are applied: a pupil admitted
   * since the last recompute has none yet.
   */
  public void ensureRows(Collection<UUID> pupilIds, LocalDate from, LocalDate to, LocalDate recentFrom, OffsetDateTime now) {
    String sql =
        "insert into pupil_figures (" + COLUMNS + ", recent_from, computed_at) select p.id, p.school_id,"
            + " 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?, ?, 0, 0, ?, ? from pupil p where p.id = ?"
            + " and not exists (select 1 from pupil_figures f where f.pupil_id = p.id)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (UUID id : pupilIds) {
        ps.setObject(1, from);
        ps.setObject(2, to);
        ps.setObject(3, recentFrom);
        ps.setObject(4, now);
        ps.setObject(5, id);
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the figures", e);
    }
  }

  private static void add(int[] d, AttendanceCode code, int sign, boolean recent, boolean beforeReview) {
    CountsAs counts = code.countsAs();
    if (counts.isPossible()) {
      d[0] += sign;
      d[7] += recent ? sign : 0;
      d[9] += beforeReview ? sign : 0;
    }
    if (counts == CountsAs.ATTENDED) {
      d[8] += recent ? sign : 0;
      d[10] += beforeReview ? sign : 0;
    }
    switch (counts) {
      case ATTENDED -> d[1] += sign;
      case AUTHORISED -> d[2] += sign;
      case UNAUTHORISED -> d[3] += sign;
      case NOT_COUNTED -> {}
    }
    if (code.late() && counts == CountsAs.ATTENDED) {
      d[4] += sign;
    }
    if (code.late() && counts == CountsAs.UNAUTHORISED) {
      d[5] += sign;
    }
    if (!code.code().equals("#")) {
      d[6] += sign;
    }
  }

  public Optional<Row> find(UUID pupilId) {
    return query("select " + COLUMNS + " from pupil_figures where pupil_id = ?", List.of(pupilId)).stream().findFirst();
  }

  public List<Row> forSchool(UUID schoolId) {
    return query("select " + COLUMNS + " from pupil_figures where school_id = ?", List.of(schoolId));
  }

  public Map<UUID, Row> forPupils(Collection<UUID> pupilIds) {
    Map<UUID, Row> rows = new HashMap<>();
    for (List<UUID> chunk : MarkStore.chunks(List.copyOf(pupilIds), 500)) {
      String in = chunk.stream().map(id -> "?").collect(Collectors.joining(","));
      query("select " + COLUMNS + " from pupil_figures where pupil_id in (" + in + ")", List.copyOf(chunk))
          .forEach(r -> rows.put(r.pupilId(), r));
    }
    return rows;
  }

  private List<Row> query(String sql, List<Object> params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, UUID.class),
                  new AttendanceFigures(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)),
                  rs.getInt(9),
                  rs.getInt(10),
                  rs.getInt(11),
                  rs.getInt(12),
                  rs.getObject(13, LocalDate.class),
                  rs.getObject(14, LocalDate.class),
                  rs.getInt(15),
                  rs.getInt(16)));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the figures", e);
    }
  }

  /** {@code sum(case when m.code in (...) then 1 else 0 end)} for the codes that match. */
  private String sum(java.util.function.Predicate<AttendanceCode> which) {
    return "coalesce(sum(case when m.code in (" + inList(which) + ") then 1 else 0 end), 0)";
  }

  private String recentSum(java.util.function.Predicate<AttendanceCode> which) {
    return "coalesce(sum(case when m.session_date >= ? and m.code in (" + inList(which) + ") then 1 else 0 end), 0)";
  }

  private String reviewSum(java.util.function.Predicate<AttendanceCode> which) {
    return "coalesce(sum(case when m.session_date < ? and m.code in (" + inList(which) + ") then 1 else 0 end), 0)";
  }

  private String inList(java.util.function.Predicate<AttendanceCode> which) {
    String list =
        codes.all().stream()
            .filter(which)
            .map(c -> "'" + c.code().replace("'", "''") + "'")
            .collect(Collectors.joining(","));
    return list.isEmpty() ? "null" : list;
  }
}

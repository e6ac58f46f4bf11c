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
   * Recomputes every pupil of the school from the register: this school year's marks from
   * {@code from} to {@code to}, with {@code recentFrom} starting the latest school week. Unmarked
   * sessions are then set from {@code expectedSessions}, the number of sessions the school has
   * met while each pupil was on roll.
   */
  public int recomputeSchool(
      UUID schoolId, LocalDate from, LocalDate to, LocalDate recentFrom, ExpectedSessions expectedSessions, OffsetDateTime now) {
    return recompute(java.util.Map.of(schoolId, expectedSessions), false, from, to, recentFrom, now);
  }

  /**
   * Recomputes every pupil of every given school in one pass over the register (the morning job
   * for a whole trust: one scan of the marks, not one per school).
   */
  public int recomputeSchools(
      java.util.Map<UUID, ExpectedSessions> schools, LocalDate from, LocalDate to, LocalDate recentFrom, OffsetDateTime now) {
    return recompute(schools, true, from, to, recentFrom, now);
  }

  private int recompute(
      java.util.Map<UUID, ExpectedSessions> schools, boolean allSchools, LocalDate from, LocalDate to, LocalDate recentFrom,
      OffsetDateTime now) {
    LocalDate reviewBefore = recentFrom.minusWeeks(1);
    List<UUID> schoolIds = schools.keySet().stream().sorted().toList();
    String pupilFilter = allSchools ? "" : " and m.pupil_id in (select id from pupil where school_id = ?)";
    // marks counted per pupil, code and part of the year: a few rows per pupil instead of 380
    String grouped =
        "select pupil_id, code, recent, early, count(*) from (select m.pupil_id, m.code,"
            + " case when m.session_date >= ? then 1 else 0 end as recent,"
            + " case when m.session_date < ? then 1 else 0 end as early"
            + " from attendance_mark m where m.session_date between ? and ?" + pupilFilter
            + ") x group by pupil_id, code, recent, early";
    try (Connection c = dataSource.getConnection()) {
      // one recompute of a school at a time, on any node: lock the schools' rows first, in order
      try (PreparedStatement lock = c.prepareStatement("select id from school where id = ? for update")) {
        for (UUID id : schoolIds) {
          lock.setObject(1, id);
          lock.executeQuery().close();
        }
      }
      Map<UUID, UUID> schoolOf = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("select id, school_id from pupil")) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            UUID school = rs.getObject(2, UUID.class);
            if (schools.containsKey(school)) {
              schoolOf.put(rs.getObject(1, UUID.class), school);
            }
          }
        }
      }
      Map<UUID, int[]> counts = new HashMap<>(schoolOf.size() * 2);
      schoolOf.keySet().forEach(id -> counts.put(id, new int[11]));
      try (PreparedStatement ps = c.prepareStatement(grouped)) {
        ps.setObject(1, recentFrom);
        ps.setObject(2, reviewBefore);
        ps.setObject(3, from);
        ps.setObject(4, to);
        if (!allSchools) {
          ps.setObject(5, schoolIds.get(0));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            int[] d = counts.get(rs.getObject(1, UUID.class));
            if (d != null) {
              add(d, codes.get(rs.getString(2)), rs.getInt(5), rs.getInt(3) == 1, rs.getInt(4) == 1);
            }
          }
        }
      }
      try (PreparedStatement delete = c.prepareStatement("delete from pupil_figures where school_id = ?")) {
        for (UUID school : schoolIds) {
          delete.setObject(1, school);
          delete.addBatch();
        }
        delete.executeBatch();
      }
      insertRows(c, counts, schoolOf, from, to, recentFrom, reviewBefore, now);
      for (UUID school : schoolIds) {
        setUnmarked(c, school, schools.get(school));
      }
      return counts.size();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not recompute the figures of schools " + schoolIds, e);
    }
  }

  private void insertRows(
      Connection c, Map<UUID, int[]> counts, Map<UUID, UUID> schoolOf, LocalDate from, LocalDate to, LocalDate recentFrom,
      LocalDate reviewBefore, OffsetDateTime now) throws SQLException {
    if (isPostgres(c)) {
      // every row in one statement, as arrays unnested into rows
      UUID[] ids = counts.keySet().toArray(new UUID[0]);
      UUID[] schools = new UUID[ids.length];
      for (int i = 0; i < ids.length; i++) {
        schools[i] = schoolOf.get(ids[i]);
      }
      StringBuilder arrays = new StringBuilder("?::uuid[], ?::uuid[]");
      StringBuilder names = new StringBuilder("id, school");
      for (String col : DELTA_COLUMNS) {
        arrays.append(", ?::int[]");
        names.append(", ").append(col);
      }
      String sql =
          "insert into pupil_figures (" + COLUMNS + ", recent_from, computed_at, review_before)"
              + " select id, school, possible, attended, authorised, unauthorised, lates, lates_after_close, marked, 0,"
              + " recent_possible, recent_attended, ?, ?, review_possible, review_attended, ?, ?, ? from unnest("
              + arrays + ") as d(" + names + ")";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        ps.setObject(i++, from);
        ps.setObject(i++, to);
        ps.setObject(i++, recentFrom);
        ps.setObject(i++, now);
        ps.setObject(i++, reviewBefore);
        ps.setArray(i++, c.createArrayOf("uuid", ids));
        ps.setArray(i++, c.createArrayOf("uuid", schools));
        for (int k = 0; k < DELTA_COLUMNS.length; k++) {
          Integer[] values = new Integer[ids.length];
          for (int r = 0; r < ids.length; r++) {
            values[r] = counts.get(ids[r])[k];
          }
          ps.setArray(i++, c.createArrayOf("int4", values));
        }
        ps.executeUpdate();
      }
      return;
    }
    String sql =
        "insert into pupil_figures (" + COLUMNS + ", recent_from, computed_at, review_before)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int batched = 0;
      for (Map.Entry<UUID, int[]> e : counts.entrySet()) {
        int[] d = e.getValue();
        int i = 1;
        ps.setObject(i++, e.getKey());
        ps.setObject(i++, schoolOf.get(e.getKey()));
        for (int k = 0; k < 7; k++) {
          ps.setInt(i++, d[k]);
        }
        ps.setInt(i++, d[7]);
        ps.setInt(i++, d[8]);
        ps.setObject(i++, from);
        ps.setObject(i++, to);
        ps.setInt(i++, d[9]);
        ps.setInt(i++, d[10]);
        ps.setObject(i++, recentFrom);
        ps.setObject(i++, now);
        ps.setObject(i, reviewBefore);
        ps.addBatch();
        if (++batched % 2000 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  private static boolean isPostgres(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
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
    try (Connection c = dataSource.getConnection()) {
      if (isPostgres(c)) {
        applyAsOneStatement(c, deltas);
      } else {
        applyInBatches(c, deltas);
      }
      return deltas.size();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not update the figures", e);
    }
  }

  private static final String[] DELTA_COLUMNS = {
    "possible", "attended", "authorised", "unauthorised", "lates", "lates_after_close", "marked", "recent_possible",
    "recent_attended", "review_possible", "review_attended"
  };

  /** PostgreSQL: every pupil's delta in one statement, as arrays unnested into rows. */
  private static void applyAsOneStatement(Connection c, Map<UUID, int[]> deltas) throws SQLException {
    StringBuilder set = new StringBuilder();
    StringBuilder columns = new StringBuilder("id");
    StringBuilder arrays = new StringBuilder("?::uuid[]");
    for (String col : DELTA_COLUMNS) {
      set.append(col).append(" = f.").append(col).append(" + d.").append(col).append(", ");
      columns.append(", ").append(col);
      arrays.append(", ?::int[]");
    }
    String sql =
        "update pupil_figures f set " + set + "unmarked = greatest(f.unmarked - d.marked, 0) from unnest(" + arrays
            + ") as d(" + columns + ") where f.pupil_id = d.id";
    UUID[] ids = deltas.keySet().toArray(new UUID[0]);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("uuid", ids));
      for (int k = 0; k < DELTA_COLUMNS.length; k++) {
        Integer[] values = new Integer[ids.length];
        for (int i = 0; i < ids.length; i++) {
          values[i] = deltas.get(ids[i])[k];
        }
        ps.setArray(k + 2, c.createArrayOf("int4", values));
      }
      ps.executeUpdate();
    }
  }

  private static void applyInBatches(Connection c, Map<UUID, int[]> deltas) throws SQLException {
    String sql =
        "update pupil_figures set possible = possible + ?, attended = attended + ?, authorised = authorised + ?,"
            + " unauthorised = unauthorised + ?, lates = lates + ?, lates_after_close = lates_after_close + ?,"
            + " marked = marked + ?, unmarked = case when unmarked - ? < 0 then 0 else unmarked - ? end,"
            + " recent_possible = recent_possible + ?, recent_attended = recent_attended + ?,"
            + " review_possible = review_possible + ?, review_attended = review_attended + ? where pupil_id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
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

  /** Adds {@code sign} sessions of {@code code} (negative to take them away) to a pupil's counts. */
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
}

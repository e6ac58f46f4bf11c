package org.schoolgate.attendance.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC helpers the import targets share: batched staging inserts and counted error queries. */
final class StagingSql {

  static final int BATCH_SIZE = 1000;

  /** Maps the current result row to an error. */
  interface ErrorMapper {
    ImportError map(ResultSet rs) throws SQLException;
  }

  private StagingSql() {}

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static PreparedStatement bind(PreparedStatement s, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      s.setObject(i + 1, params[i]);
    }
    return s;
  }

  static long count(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = bind(c.prepareStatement(sql), params);
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /**
   * Adds the errors a check finds: {@code countSql} counts them; when there are any, the first
   * {@code limit} come from {@code listSql} (ordered by line, with {@code fetch first ? rows only}
   * as its last parameter).
   */
  static long report(
      Connection c, ImportProblems problems, String countSql, String listSql, ErrorMapper mapper, Object... params)
      throws SQLException {
    long count = count(c, countSql, params);
    if (count == 0) {
      return 0;
    }
    Object[] withLimit = new Object[params.length + 1];
    System.arraycopy(params, 0, withLimit, 0, params.length);
    withLimit[params.length] = problems.limit();
    List<ImportError> first = new ArrayList<>();
    try (PreparedStatement s = bind(c.prepareStatement(listSql), withLimit);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        first.add(mapper.map(rs));
      }
    }
    problems.addCounted(first, count);
    return count;
  }

  /**
   * Adds an error for each group of staged rows with the same key that appears more than once (and
   * meets {@code condition}, if given), reported at the group's last line. The list query gives the
   * mapper: last line, first line, then {@code columns}.
   *
   * @param keys the grouping expressions, each with an alias ("upn", "lower(first_name) f")
   * @param aggregates further aggregates with aliases, or ""
   */
  static long reportRepeats(
      Connection c, ImportProblems problems, String stage, List<String> keys, String aggregates, String condition,
      String columns, ErrorMapper mapper, Object... params)
      throws SQLException {
    String groups = repeatedGroups(stage, keys, aggregates);
    String where = condition == null ? "" : " where " + condition;
    return report(
        c,
        problems,
        "select count(*) from (" + groups + ") d" + where,
        "select last_line, first_line, " + columns + " from (" + groups + ") d" + where
            + " order by last_line fetch first ? rows only",
        mapper,
        params);
  }

  /** The groups of staged rows sharing a key, with their first and last line. */
  static String repeatedGroups(String stage, List<String> keys, String aggregates) {
    String groupBy = String.join(", ", keys.stream().map(k -> k.replaceAll(" [a-z_]+$", "")).toList());
    return "select " + String.join(", ", keys) + ", min(line) first_line, max(line) last_line" + aggregates + " from " + stage
        + " group by " + groupBy + " having count(*) > 1";
  }

  /** Adds an error for each staged row whose UPN is not a pupil of the school. */
  static long reportUnknownUpns(Connection c, ImportProblems problems, String stage, java.util.UUID schoolId) throws SQLException {
    String unknown =
        " from " + stage + " s where not exists (select 1 from pupil p where p.school_id = ? and p.upn = s.upn)";
    return report(
        c,
        problems,
        "select count(*)" + unknown,
        "select s.line, s.upn" + unknown + " order by s.line fetch first ? rows only",
        rs -> new ImportError(rs.getLong(1), "no pupil with UPN " + rs.getString(2) + " at this school (import the pupils first)"),
        schoolId);
  }

  /** A batched insert into a staging table. */
  static final class Batch implements AutoCloseable {
    private final PreparedStatement insert;
    private int pending;

    Batch(Connection c, String sql) throws SQLException {
      this.insert = c.prepareStatement(sql);
    }

    void add(Object... values) throws SQLException {
      bind(insert, values).addBatch();
      if (++pending == BATCH_SIZE) {
        flush();
      }
    }

    void flush() throws SQLException {
      if (pending > 0) {
        insert.executeBatch();
        pending = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      flush();
      insert.close();
    }
  }
}

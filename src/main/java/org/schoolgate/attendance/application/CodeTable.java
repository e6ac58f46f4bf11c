package org.schoolgate.attendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.schoolgate.attendance.domain.AttendanceCode;
import org.schoolgate.attendance.domain.CodeBook;
import org.schoolgate.attendance.domain.CodeCategory;
import org.schoolgate.attendance.domain.CountsAs;

/**
 * The register codes as the database holds them ({@code attendance_code}): a new edition of the
 * guidance is a change to that table, picked up on the next start.
 */
@ApplicationScoped
public class CodeTable {

  private DataSource dataSource;
  private volatile CodeBook codes;

  protected CodeTable() {}

  @Inject
  public CodeTable(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public CodeBook codes() {
    if (codes == null) {
      codes = load(dataSource);
    }
    return codes;
  }

  public static CodeBook load(DataSource dataSource) {
    List<AttendanceCode> list = new ArrayList<>();
    String sql =
        "select code, category, counts_as, late, valid_from, valid_to, reason_required, reference, meaning"
            + " from attendance_code";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        list.add(
            new AttendanceCode(
                rs.getString(1), CodeCategory.valueOf(rs.getString(2)), CountsAs.valueOf(rs.getString(3)),
                rs.getBoolean(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                rs.getBoolean(7), rs.getString(8), rs.getString(9)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the register codes", e);
    }
    // the table's order is not defined: keep the order of the shipped list, new codes after it
    List<String> order = CodeBook.standard().all().stream().map(AttendanceCode::code).toList();
    list.sort(
        java.util.Comparator.comparingInt(
            (AttendanceCode a) -> order.indexOf(a.code()) < 0 ? Integer.MAX_VALUE : order.indexOf(a.code())));
    return new CodeBook(list);
  }
}

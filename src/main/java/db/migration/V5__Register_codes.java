package db.migration;

import java.io.InputStream;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Types;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.schoolgate.attendance.domain.AttendanceCode;
import org.schoolgate.attendance.domain.CodeBook;

/**
 * Seeds the register-code table from {@code attendance/register-codes.csv}, the one place the code
 * set is written down. A later edition of the guidance is a new migration that changes rows.
 */
public class V5__Register_codes extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    try (InputStream in = V5__Register_codes.class.getClassLoader().getResourceAsStream(CodeBook.RESOURCE);
        PreparedStatement insert =
            context
                .getConnection()
                .prepareStatement(
                    "insert into attendance_code (code, category, counts_as, late, valid_from, valid_to,"
                        + " reason_required, reference, meaning) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (AttendanceCode c : CodeBook.parseCsv(in)) {
        insert.setString(1, c.code());
        insert.setString(2, c.category().name());
        insert.setString(3, c.countsAs().name());
        insert.setBoolean(4, c.late());
        if (c.validFrom() == null) insert.setNull(5, Types.DATE); else insert.setDate(5, Date.valueOf(c.validFrom()));
        if (c.validTo() == null) insert.setNull(6, Types.DATE); else insert.setDate(6, Date.valueOf(c.validTo()));
        insert.setBoolean(7, c.reasonRequired());
        insert.setString(8, c.reference());
        insert.setString(9, c.meaning());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}

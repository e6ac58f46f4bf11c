package org.schoolgate.attendance.imports;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The marks changed in Schoolgate since an instant, as CSV to write back to the MIS: the current
 * mark (in the marks import format) with the latest amendment's time, author and reason.
 * Amendments made by MIS imports are left out, since the MIS already holds them. Streamed row by
 * row.
 */
public final class AmendedMarks {

  public static final String HEADER =
      "upn,date,session,code,minutes_late,arrival_time,reason,amended_at,amended_by,amendment_reason";

  private AmendedMarks() {}

  /** @return the number of marks written */
  public static long write(Connection c, UUID schoolId, OffsetDateTime since, Writer out) throws SQLException, IOException {
    String latest =
        "select pupil_id, session_date, session, max(amended_at) at from mark_amendment where amended_at >= ?"
            + " and source <> 'IMPORT' group by pupil_id, session_date, session";
    long written = 0;
    out.write(HEADER);
    out.write("\r\n");
    try (PreparedStatement s =
        StagingSql.bind(
            c.prepareStatement(
                "select p.upn, m.session_date, m.session, m.code, m.minutes_late, m.arrival_time, m.reason,"
                    + " a.amended_at, a.amended_by_name, a.reason from (" + latest + ") l"
                    + " join mark_amendment a on a.pupil_id = l.pupil_id and a.session_date = l.session_date"
                    + " and a.session = l.session and a.amended_at = l.at and a.source <> 'IMPORT'"
                    + " join pupil p on p.id = l.pupil_id"
                    + " join attendance_mark m on m.pupil_id = l.pupil_id and m.session_date = l.session_date"
                    + " and m.session = l.session"
                    + " where p.school_id = ? order by p.upn, m.session_date, m.session"),
            since,
            schoolId)) {
      s.setFetchSize(1000);
      try (ResultSet rs = s.executeQuery()) {
        String previous = null;
        while (rs.next()) {
          String key = rs.getString(1) + rs.getObject(2) + rs.getString(3);
          if (key.equals(previous)) {
            continue; // two amendments at the same instant: one line per mark
          }
          previous = key;
          for (int i = 1; i <= 10; i++) {
            if (i > 1) {
              out.write(',');
            }
            Object v = i == 8 ? rs.getObject(i, OffsetDateTime.class) : i == 6 ? rs.getObject(i, java.time.LocalTime.class) : rs.getObject(i);
            out.write(csv(v == null ? "" : v.toString()));
          }
          out.write("\r\n");
          written++;
        }
      }
    }
    out.flush();
    return written;
  }

  static String csv(String value) {
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}

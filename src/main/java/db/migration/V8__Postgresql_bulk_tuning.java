package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL only (the demo's H2 holds a few thousand pupils and needs neither), for a trust's
 * bulk work (decision 0009):
 *
 * <ul>
 *   <li>the per-pupil figures leave a third of each page free, so the updates every register
 *       change and import make stay on their page and touch no index;
 *   <li>the register's marks no longer carry a database foreign key to the pupil: the check it
 *       ran for every one of a year's 7.6 million imported marks was most of the import's time.
 *       Every writer of marks checks the pupil first (the register service, the MIS import), and
 *       pupils are never deleted (leaving is a date on the roll).
 * </ul>
 */
public class V8__Postgresql_bulk_tuning extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
    if (product.contains("postgres")) {
      try (Statement st = context.getConnection().createStatement()) {
        st.execute("alter table pupil_figures set (fillfactor = 65)");
        st.execute("alter table attendance_mark drop constraint attendance_mark_pupil_id_fkey");
      }
    }
  }
}

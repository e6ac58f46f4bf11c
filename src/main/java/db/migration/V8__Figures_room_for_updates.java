package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, leaves a third of each page of the per-pupil figures free, so the updates every
 * register change and every import make stay on their page and touch no index (heap-only tuple
 * updates). The demo's H2 has no such setting and needs none.
 */
public class V8__Figures_room_for_updates extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
    if (product.contains("postgres")) {
      try (Statement st = context.getConnection().createStatement()) {
        st.execute("alter table pupil_figures set (fillfactor = 65)");
      }
    }
  }
}

package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL only: the dispatcher's claim reads only messages waiting to be sent, so a partial
 * index keeps that query small however many millions of sent messages the table holds. H2 (the
 * demo) has no partial indexes and keeps the plain (status, next_attempt_at) index.
 */
public class V10__Postgresql_outbox_index extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
    if (product.contains("postgres")) {
      try (Statement st = context.getConnection().createStatement()) {
        st.execute("create index outbound_message_waiting on outbound_message(next_attempt_at) where status = 'CREATED'");
        st.execute("create index outbound_message_in_flight on outbound_message(claimed_at) where status = 'SENDING'");
      }
    }
  }
}

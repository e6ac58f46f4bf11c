package org.schoolgate.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schoolgate.identity.domain.PasswordHasher;

/**
 * Loads the demo trust on the first start of the demo ({@code schoolgate.demo.enabled=true}, or
 * {@code SCHOOLGATE_DEMO_ENABLED=true}), once the schema is up to date, and prints the demo
 * sign-ins to the server log on every start. A later start finds the trust and adds nothing. The
 * trust is generated for the application clock's today: registers run to yesterday, so today's
 * registers are still to be taken.
 *
 * <p>Everything is written in one transaction: the records through JPA, the marks through JDBC
 * batches on the same data source. The demo runs on one node; two nodes starting an empty demo
 * database at the same moment could each load a trust.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoLoader {

  private static final Logger LOG = Logger.getLogger(DemoLoader.class.getName());
  private static final int TRANSACTION_SECONDS = 600;

  // Container resources (persistence context, user transaction, data source) are field-injected:
  // a session bean has no constructor they can be passed to.
  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  @Resource private UserTransaction transaction;

  @Resource(lookup = "jdbc/schoolgate")
  private DataSource dataSource;

  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "schoolgate.demo.enabled", defaultValue = "false")
  private boolean enabled;

  @Inject
  @ConfigProperty(name = "schoolgate.public-url", defaultValue = "http://localhost:8080")
  private String publicUrl;

  @PostConstruct
  void start() {
    if (!enabled) {
      return;
    }
    if (DemoStore.isLoaded(em)) {
      LOG.info("Demo trust already loaded: nothing added");
    } else {
      load(LocalDate.now(clock));
    }
    LOG.info(DemoSignIns.block(publicUrl));
  }

  private void load(LocalDate today) {
    long started = System.nanoTime();
    DemoTrust demo = DemoData.generate(today, DemoData.DEMO_SEED);
    long generated = System.nanoTime();
    Map<String, String> hashes = DemoStore.passwordHashes(demo, new PasswordHasher()::hash);
    long hashed = System.nanoTime();
    long recordsStored;
    int marks;
    try {
      transaction.setTransactionTimeout(TRANSACTION_SECONDS);
      transaction.begin();
      if (DemoStore.isLoaded(em)) {
        transaction.rollback();
        LOG.info("Demo trust already loaded: nothing added");
        return;
      }
      DemoStore.storeRecords(em, demo, hashes);
      recordsStored = System.nanoTime();
      try (Connection connection = dataSource.getConnection()) {
        marks = DemoStore.storeRows(connection, demo);
      }
      transaction.commit();
    } catch (Exception e) {
      rollBack();
      LOG.log(Level.SEVERE, "The demo trust could not be loaded; nothing was stored", e);
      throw new IllegalStateException("The demo trust could not be loaded", e);
    }
    long done = System.nanoTime();
    int storedMarks = marks;
    long recordsAt = recordsStored;
    LOG.info(
        () ->
            String.format(
                "Demo trust loaded for %s: %d schools, %d pupils, %d guardians, %d staff sign-ins, %d register marks"
                    + " (generated in %d ms, passwords hashed in %d ms, records stored in %d ms, marks in %d ms)",
                today,
                demo.schools().size(),
                demo.pupils().size(),
                demo.guardians().size(),
                demo.signIns().size(),
                storedMarks,
                millis(started, generated),
                millis(generated, hashed),
                millis(hashed, recordsAt),
                millis(recordsAt, done)));
  }

  private void rollBack() {
    try {
      if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
        transaction.rollback();
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Rolling back the demo load failed", e);
    }
  }

  private static long millis(long from, long to) {
    return (to - from) / 1_000_000;
  }
}

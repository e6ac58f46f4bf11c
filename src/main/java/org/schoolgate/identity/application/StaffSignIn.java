package org.schoolgate.identity.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schoolgate.identity.domain.PasswordHasher;
import org.schoolgate.identity.domain.SignInAuditEntry;
import org.schoolgate.identity.domain.StaffAccount;

/**
 * Staff sign-in with username and password. Every attempt is audited. A wrong password, an
 * unknown username and a locked account all get the same answer and take the same time.
 */
@ApplicationScoped
public class StaffSignIn {

  private static final Logger LOG = Logger.getLogger(StaffSignIn.class.getName());
  public static final String GENERIC_FAILURE =
      "That username and password did not match. After five wrong attempts, sign-in pauses for 15 minutes.";

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  private Clock clock;
  private StaffPrincipals principals;
  private int maxFailures;
  private int lockMinutes;
  private final PasswordHasher hasher = new PasswordHasher();

  protected StaffSignIn() {}

  @Inject
  public StaffSignIn(
      Clock clock,
      StaffPrincipals principals,
      @ConfigProperty(name = "schoolgate.identity.lockout.max-failures", defaultValue = "5") int maxFailures,
      @ConfigProperty(name = "schoolgate.identity.lockout.minutes", defaultValue = "15") int lockMinutes) {
    this.clock = clock;
    this.principals = principals;
    this.maxFailures = maxFailures;
    this.lockMinutes = lockMinutes;
  }

  @Transactional
  public SignInResult signIn(String username, String password, String ip) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    String name = StaffAccount.normalise(username);
    StaffAccount account =
        em.createQuery("select a from StaffAccount a where a.username = :u", StaffAccount.class)
            .setParameter("u", name)
            .getResultStream()
            .findFirst()
            .orElse(null);
    String outcome;
    SignInResult result;
    if (account == null || !account.isActive()) {
      hasher.burnDecoy(password == null ? "" : password);
      outcome = "UNKNOWN_ACCOUNT";
      result = SignInResult.failure(GENERIC_FAILURE);
    } else if (account.isLocked(now)) {
      hasher.burnDecoy(password == null ? "" : password);
      outcome = "LOCKED";
      result = SignInResult.failure(GENERIC_FAILURE);
    } else if (password != null && hasher.matches(password, account.getPasswordHash())) {
      account.recordSuccess();
      outcome = "SUCCESS";
      result = SignInResult.success(principals.of(account.getStaffMember()));
    } else {
      account.recordFailure(now, maxFailures, Duration.ofMinutes(lockMinutes));
      outcome = account.isLocked(now) ? "WRONG_PASSWORD_LOCKED" : "WRONG_PASSWORD";
      result = SignInResult.failure(GENERIC_FAILURE);
    }
    em.persist(new SignInAuditEntry(now, "STAFF", name.isEmpty() ? "(blank)" : name, outcome, ip));
    LOG.fine(() -> "Staff sign-in " + result.succeeded());
    return result;
  }
}

package org.schoolgate.identity.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schoolgate.directory.application.GuardianLookup;
import org.schoolgate.directory.domain.EmailAddress;
import org.schoolgate.directory.domain.Guardian;
import org.schoolgate.directory.domain.PhoneNumber;
import org.schoolgate.identity.domain.OneTimeCode;
import org.schoolgate.identity.domain.SignInAuditEntry;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.validation.InvalidInputException;

/**
 * Parents sign in without a password: a six-digit code goes to the mobile or email the school
 * holds for them, valid ten minutes, five attempts. Requests are rate-limited per destination and
 * per IP address. Every answer is the same whether or not we know the destination.
 */
@ApplicationScoped
public class ParentSignIn {

  public static final String CODE_SENT =
      "If this number or email is registered with your child's school, we have sent a 6-digit code. It works for 10 minutes.";
  public static final String CODE_REFUSED =
      "That code is not right or has expired. Check the latest message, or ask for a new code.";
  public static final String TOO_MANY_REQUESTS =
      "Too many codes have been asked for. Please wait an hour, or ring the school office.";

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  private Clock clock;
  private GuardianLookup guardians;
  private Event<SignInCodeIssued> codeIssued;
  private int validityMinutes;
  private int maxAttempts;
  private int maxPerDestination;
  private int maxPerIp;

  protected ParentSignIn() {}

  @Inject
  public ParentSignIn(
      Clock clock,
      GuardianLookup guardians,
      Event<SignInCodeIssued> codeIssued,
      @ConfigProperty(name = "schoolgate.identity.code.validity-minutes", defaultValue = "10") int validityMinutes,
      @ConfigProperty(name = "schoolgate.identity.code.max-attempts", defaultValue = "5") int maxAttempts,
      @ConfigProperty(name = "schoolgate.identity.code.max-per-destination-per-hour", defaultValue = "5") int maxPerDestination,
      @ConfigProperty(name = "schoolgate.identity.code.max-per-ip-per-hour", defaultValue = "30") int maxPerIp) {
    this.clock = clock;
    this.guardians = guardians;
    this.codeIssued = codeIssued;
    this.validityMinutes = validityMinutes;
    this.maxAttempts = maxAttempts;
    this.maxPerDestination = maxPerDestination;
    this.maxPerIp = maxPerIp;
  }

  /** Where a parent asks for a code to be sent: a mobile number or an email address. */
  public record Destination(String value, SignInCodeIssued.Channel channel) {}

  /** Reads what a parent typed as a UK mobile or an email; a clear message if it is neither. */
  public static Destination parseDestination(String typed) {
    if (typed == null || typed.isBlank()) {
      throw new InvalidInputException("destination", "Enter your mobile number or email address");
    }
    if (typed.contains("@")) {
      return new Destination(EmailAddress.parse("Email", typed).value(), SignInCodeIssued.Channel.EMAIL);
    }
    PhoneNumber number = PhoneNumber.parse("Mobile number", typed);
    return new Destination(number.e164(), SignInCodeIssued.Channel.SMS);
  }

  /** Sends a code if we know the destination. Returns the message to show, the same either way. */
  @Transactional
  public SignInResult requestCode(String typed, String ip) {
    Destination destination = parseDestination(typed);
    OffsetDateTime now = OffsetDateTime.now(clock);
    String destinationHash = OneTimeCode.sha256(destination.value());
    OffsetDateTime hourAgo = now.minusHours(1);
    long forDestination =
        em.createQuery(
                "select count(c) from OneTimeCode c where c.destinationHash = :d and c.createdAt > :t", Long.class)
            .setParameter("d", destinationHash)
            .setParameter("t", hourAgo)
            .getSingleResult();
    long forIp =
        ip == null
            ? 0
            : em.createQuery(
                    "select count(c) from OneTimeCode c where c.requestedIp = :ip and c.createdAt > :t", Long.class)
                .setParameter("ip", ip)
                .setParameter("t", hourAgo)
                .getSingleResult();
    if (forDestination >= maxPerDestination || forIp >= maxPerIp) {
      audit(now, destination.value(), "CODE_RATE_LIMITED", ip);
      return SignInResult.failure(TOO_MANY_REQUESTS);
    }
    Optional<Guardian> guardian = findGuardian(destination);
    if (guardian.isEmpty()) {
      em.persist(OneTimeCode.unanswerable(destination.value(), ip, now));
      audit(now, destination.value(), "CODE_UNKNOWN_DESTINATION", ip);
      return SignInResult.failure(CODE_SENT);
    }
    OneTimeCode.Issued issued = OneTimeCode.issue(guardian.get().getId(), destination.value(), ip, now, validityMinutes);
    em.persist(issued.record());
    audit(now, destination.value(), "CODE_SENT", ip);
    codeIssued.fire(
        new SignInCodeIssued(
            guardian.get().getId(),
            destination.channel(),
            destination.value(),
            issued.code(),
            guardian.get().language().code(),
            validityMinutes));
    return SignInResult.failure(CODE_SENT);
  }

  /** Checks a code against the latest one sent to this destination. */
  @Transactional(dontRollbackOn = RuntimeException.class)
  public SignInResult verify(String typed, String code, String ip) {
    Destination destination = parseDestination(typed);
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<OneTimeCode> latest =
        em.createQuery(
                "select c from OneTimeCode c where c.destinationHash = :d and c.guardianId is not null"
                    + " order by c.createdAt desc",
                OneTimeCode.class)
            .setParameter("d", OneTimeCode.sha256(destination.value()))
            .setMaxResults(1)
            .getResultList();
    if (latest.isEmpty()) {
      audit(now, destination.value(), "CODE_NONE_ISSUED", ip);
      return SignInResult.failure(CODE_REFUSED);
    }
    OneTimeCode record = latest.get(0);
    OneTimeCode.Check check = record.attempt(code, now, maxAttempts);
    audit(now, destination.value(), "CODE_" + check.name(), ip);
    if (check != OneTimeCode.Check.ACCEPTED) {
      return SignInResult.failure(CODE_REFUSED);
    }
    Guardian guardian = guardians.guardian(record.getGuardianId());
    if (guardian == null) {
      return SignInResult.failure(CODE_REFUSED);
    }
    return SignInResult.success(parentOf(guardian));
  }

  /** The signed-in view of a guardian, or empty when they no longer have access to any child. */
  public Optional<SignedInUser> principalFor(java.util.UUID guardianId) {
    Guardian guardian = guardians.guardian(guardianId);
    return guardian == null ? Optional.empty() : Optional.of(parentOf(guardian));
  }

  private static SignedInUser parentOf(Guardian guardian) {
    return SignedInUser.parent(guardian.getId(), guardian.fullName(), guardian.language().code());
  }

  private Optional<Guardian> findGuardian(Destination destination) {
    List<Guardian> found =
        destination.channel() == SignInCodeIssued.Channel.EMAIL
            ? guardians.withPortalAccessByEmail(new EmailAddress(destination.value()))
            : guardians.withPortalAccessByPhone(new PhoneNumber(destination.value()));
    return found.stream().findFirst();
  }

  private void audit(OffsetDateTime now, String destination, String outcome, String ip) {
    em.persist(new SignInAuditEntry(now, "PARENT", SignInAuditEntry.mask(destination), outcome, ip));
  }
}

package org.schoolgate.identity.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schoolgate.directory.domain.StaffMember;
import org.schoolgate.identity.domain.ApiSession;
import org.schoolgate.identity.domain.OneTimeCode;
import org.schoolgate.platform.security.SignedInUser;

/** Bearer tokens for the REST API: issued after sign-in, checked on every call, revocable. */
@ApplicationScoped
@Transactional
public class ApiSessions {

  @PersistenceContext(unitName = "schoolgate")
  private EntityManager em;

  private Clock clock;
  private StaffPrincipals staffPrincipals;
  private ParentSignIn parentSignIn;
  private int hours;

  protected ApiSessions() {}

  @Inject
  public ApiSessions(
      Clock clock,
      StaffPrincipals staffPrincipals,
      ParentSignIn parentSignIn,
      @ConfigProperty(name = "schoolgate.identity.api-session-hours", defaultValue = "12") int hours) {
    this.clock = clock;
    this.staffPrincipals = staffPrincipals;
    this.parentSignIn = parentSignIn;
    this.hours = hours;
  }

  public record Token(String token, OffsetDateTime expiresAt) {}

  public Token open(SignedInUser user) {
    ApiSession.Issued issued = ApiSession.open(user.kind(), user.id(), OffsetDateTime.now(clock), hours);
    em.persist(issued.session());
    return new Token(issued.token(), issued.session().getExpiresAt());
  }

  /** The person a token belongs to, rebuilt with their current roles and access. */
  public Optional<SignedInUser> resolve(String token) {
    ApiSession session = em.find(ApiSession.class, OneTimeCode.sha256(token));
    if (session == null || !session.isValid(OffsetDateTime.now(clock))) {
      return Optional.empty();
    }
    if (session.getKind() == SignedInUser.Kind.PARENT) {
      return parentSignIn.principalFor(session.getPrincipalId());
    }
    StaffMember staff = em.find(StaffMember.class, session.getPrincipalId());
    return staff == null ? Optional.empty() : Optional.of(staffPrincipals.of(staff));
  }

  public void close(String token) {
    ApiSession session = em.find(ApiSession.class, OneTimeCode.sha256(token));
    if (session != null) {
      em.remove(session);
    }
  }
}

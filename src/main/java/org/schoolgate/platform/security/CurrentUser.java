package org.schoolgate.platform.security;

import com.vaadin.flow.server.VaadinSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.Optional;
import org.schoolgate.platform.validation.AccessDeniedException;

/**
 * The signed-in person for the current request: from the REST authentication filter for API
 * calls, or from the Vaadin session for screens. Application services ask this, never the UI.
 */
@ApplicationScoped
public class CurrentUser {

  private RequestPrincipal requestPrincipal;

  protected CurrentUser() {}

  @Inject
  public CurrentUser(RequestPrincipal requestPrincipal) {
    this.requestPrincipal = requestPrincipal;
  }

  public Optional<SignedInUser> get() {
    try {
      if (requestPrincipal.user() != null) {
        return Optional.of(requestPrincipal.user());
      }
    } catch (ContextNotActiveException notInARequest) {
      // e.g. a server-push callback; fall through to the Vaadin session
    }
    VaadinSession session = VaadinSession.getCurrent();
    return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(SignedInUser.class));
  }

  /** The signed-in person, or an access-denied failure when nobody is signed in. */
  public SignedInUser require() {
    return get().orElseThrow(() -> new AccessDeniedException("Please sign in"));
  }

  public SignedInUser requireStaff() {
    SignedInUser user = require();
    if (!user.isStaff()) {
      throw new AccessDeniedException("Staff only");
    }
    return user;
  }

  public SignedInUser requireParent() {
    SignedInUser user = require();
    if (!user.isParent()) {
      throw new AccessDeniedException("Parents only");
    }
    return user;
  }
}

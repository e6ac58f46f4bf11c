package org.schoolgate.identity.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.schoolgate.identity.application.ApiSessions;
import org.schoolgate.identity.application.StaffSignIn;
import org.schoolgate.identity.domain.OneTimeCode;
import org.schoolgate.platform.security.RequestPrincipal;
import org.schoolgate.platform.security.SignedInUser;

/**
 * Works out who is calling the REST API: staff with HTTP Basic (username and password), or anyone
 * with a bearer token from sign-in. Requests without credentials continue anonymously; resources
 * then refuse what needs a signed-in person. Basic credentials are checked with the slow password
 * hash once and remembered for five minutes, so scripts that send them on every call stay fast.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  private static final long BASIC_CACHE_SECONDS = 300;
  private static final Map<String, Cached> BASIC_CACHE = new ConcurrentHashMap<>();

  private record Cached(SignedInUser user, Instant until) {}

  @Inject RequestPrincipal principal;
  @Inject ApiSessions sessions;
  @Inject StaffSignIn staffSignIn;
  @Inject Clock clock;
  @Context HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) {
    String header = context.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      return;
    }
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      sessions.resolve(header.substring(7).trim()).ifPresent(principal::set);
    } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      basic(header.substring(6).trim());
    }
  }

  private void basic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return;
    }
    String key = OneTimeCode.sha256(decoded);
    Instant now = clock.instant();
    Cached cached = BASIC_CACHE.get(key);
    if (cached != null && now.isBefore(cached.until())) {
      principal.set(cached.user());
      return;
    }
    var result =
        staffSignIn.signIn(decoded.substring(0, colon), decoded.substring(colon + 1), request == null ? null : request.getRemoteAddr());
    result.user().ifPresent(
        user -> {
          BASIC_CACHE.put(key, new Cached(user, now.plusSeconds(BASIC_CACHE_SECONDS)));
          principal.set(user);
        });
  }
}

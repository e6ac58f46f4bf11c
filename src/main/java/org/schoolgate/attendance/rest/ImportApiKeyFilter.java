package org.schoolgate.attendance.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.schoolgate.attendance.imports.ImportApiKeys;
import org.schoolgate.attendance.imports.ImportKeyHolder;
import org.schoolgate.platform.rest.ApiError;

/**
 * Accepts {@code Authorization: ApiKey <key>} on the import endpoints only (name-bound with
 * {@link ImportApiKeyAccepted}); everywhere else such a header is ignored, so a key never opens
 * pupil records or any other endpoint. Staff Basic and bearer credentials are left to the
 * platform's authentication filter. An unknown or revoked key is refused with 401.
 */
@Provider
@ImportApiKeyAccepted
@Priority(Priorities.AUTHENTICATION + 1)
public class ImportApiKeyFilter implements ContainerRequestFilter {

  static final String SCHEME = "ApiKey ";

  @Inject ImportApiKeys keys;
  @Inject ImportKeyHolder holder;

  @Override
  public void filter(ContainerRequestContext context) {
    String header = context.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return;
    }
    keys.resolve(header.substring(SCHEME.length()).trim())
        .ifPresentOrElse(
            holder::set,
            () ->
                context.abortWith(
                    Response.status(Response.Status.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey realm=\"schoolgate\"")
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new ApiError("invalid_api_key", null, "The API key is not known or has been revoked"))
                        .build()));
  }
}

package org.schoolgate.platform.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.validation.AccessDeniedException;
import org.schoolgate.platform.validation.InvalidInputException;
import org.schoolgate.platform.validation.NotFoundException;

/** Turns the application's exceptions into JSON error responses with the right status. */
public final class ErrorMappers {
  private ErrorMappers() {}

  static Response json(Response.Status status, ApiError error) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
  }

  /** Bad input: 400, naming the field. */
  @Provider
  public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
      return json(Response.Status.BAD_REQUEST, new ApiError("invalid_input", e.field(), e.getMessage()));
    }
  }

  /** Missing, or not visible to this person: 404 either way. */
  @Provider
  public static class NotFound implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException e) {
      return json(Response.Status.NOT_FOUND, new ApiError("not_found", null, e.getMessage()));
    }
  }

  /** Not signed in: 401; signed in without permission: 403. */
  @Provider
  public static class AccessDenied implements ExceptionMapper<AccessDeniedException> {
    @Inject CurrentUser currentUser;

    @Override
    public Response toResponse(AccessDeniedException e) {
      boolean signedIn = currentUser != null && currentUser.get().isPresent();
      if (!signedIn) {
        return Response.status(Response.Status.UNAUTHORIZED)
            .header("WWW-Authenticate", "Bearer realm=\"schoolgate\"")
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new ApiError("not_signed_in", null, "Sign in first"))
            .build();
      }
      return json(Response.Status.FORBIDDEN, new ApiError("forbidden", null, e.getMessage()));
    }
  }
}

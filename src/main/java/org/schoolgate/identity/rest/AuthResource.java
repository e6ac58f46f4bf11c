package org.schoolgate.identity.rest;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.identity.application.ApiSessions;
import org.schoolgate.identity.application.ParentSignIn;
import org.schoolgate.identity.application.SignInResult;
import org.schoolgate.identity.application.StaffSignIn;
import org.schoolgate.platform.rest.ApiError;

/** Sign-in for API clients: staff with a password, parents with a one-time code. */
@Path("auth")
@Tag(name = "Sign-in")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

  public record StaffCredentials(String username, String password) {}

  public record CodeRequest(String destination) {}

  public record CodeAnswer(String destination, String code) {}

  public record Message(String message) {}

  public record TokenResponse(String token, OffsetDateTime expiresAt, String kind, String displayName) {}

  @Inject StaffSignIn staffSignIn;
  @Inject ParentSignIn parentSignIn;
  @Inject ApiSessions sessions;
  @Context HttpServletRequest request;

  @POST
  @Path("staff/token")
  @Operation(summary = "Sign in as staff and receive a bearer token")
  public Response staffToken(StaffCredentials credentials) {
    SignInResult result =
        staffSignIn.signIn(
            credentials == null ? null : credentials.username(), credentials == null ? null : credentials.password(), ip());
    return tokenOrUnauthorised(result);
  }

  @POST
  @Path("parent/code")
  @Operation(
      summary = "Ask for a parent sign-in code",
      description = "Always answers the same way whether or not the mobile or email is registered.")
  public Response parentCode(CodeRequest body) {
    SignInResult result = parentSignIn.requestCode(body == null ? null : body.destination(), ip());
    if (ParentSignIn.TOO_MANY_REQUESTS.equals(result.message())) {
      return Response.status(429).entity(new ApiError("rate_limited", null, result.message())).build();
    }
    return Response.accepted(new Message(result.message())).build();
  }

  @POST
  @Path("parent/token")
  @Operation(summary = "Exchange a parent sign-in code for a bearer token")
  public Response parentToken(CodeAnswer body) {
    SignInResult result =
        parentSignIn.verify(body == null ? null : body.destination(), body == null ? null : body.code(), ip());
    return tokenOrUnauthorised(result);
  }

  @DELETE
  @Path("token")
  @Operation(summary = "Sign out: revoke the bearer token used for this call")
  public Response signOut(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      sessions.close(authorization.substring(7).trim());
    }
    return Response.noContent().build();
  }

  private Response tokenOrUnauthorised(SignInResult result) {
    if (!result.succeeded()) {
      return Response.status(Response.Status.UNAUTHORIZED)
          .entity(new ApiError("sign_in_failed", null, result.message()))
          .build();
    }
    var user = result.user().orElseThrow();
    ApiSessions.Token token = sessions.open(user);
    return Response.ok(new TokenResponse(token.token(), token.expiresAt(), user.kind().name(), user.displayName())).build();
  }

  private String ip() {
    return request == null ? null : request.getRemoteAddr();
  }
}

package org.schoolgate.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** The REST API, versioned under /api/v1 and described at /openapi. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Schoolgate API",
            version = "1",
            description =
                "School attendance messaging and parent/staff portal. Staff authenticate with HTTP"
                    + " Basic (username and password); parents with a bearer token obtained by"
                    + " signing in with a one-time code.",
            license = @License(name = "Apache-2.0")))
@SecuritySchemes({
  @SecurityScheme(
      securitySchemeName = "staff",
      type = SecuritySchemeType.HTTP,
      scheme = "basic"),
  @SecurityScheme(
      securitySchemeName = "bearer",
      type = SecuritySchemeType.HTTP,
      scheme = "bearer")
})
public class RestApplication extends Application {}

package org.schoolgate.attendance.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.attendance.imports.ImportApiKeys;

/** A school's import API keys, for its administrators (staff credentials only, never a key). */
@Path("schools/{schoolId}/import-keys")
@Tag(name = "Imports")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
@SecurityRequirement(name = "bearer")
public class ImportApiKeysResource {

  @Inject ImportApiKeys keys;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create an API key for the school's imports; the key is in this response only",
      description = "Body: {\"label\": \"SIMS nightly export\"}. Store the key at once: Schoolgate keeps only its hash.")
  public Response create(@PathParam("schoolId") UUID schoolId, ImportViews.NewKey body) {
    ImportApiKeys.Created created = keys.create(schoolId, body == null ? null : body.label());
    return Response.status(Response.Status.CREATED)
        .entity(new ImportViews.CreatedKeyView(created.key().id(), created.key().label(), created.key().createdAt(), created.secret()))
        .build();
  }

  @GET
  @Operation(summary = "The school's API keys (without their secrets), revoked ones included")
  public List<ImportViews.KeyView> list(@PathParam("schoolId") UUID schoolId) {
    return keys.list(schoolId).stream().map(ImportViews.KeyView::of).toList();
  }

  @DELETE
  @Path("{keyId}")
  @Operation(summary = "Revoke an API key; it stops working at once")
  public Response revoke(@PathParam("schoolId") UUID schoolId, @PathParam("keyId") UUID keyId) {
    keys.revoke(schoolId, keyId);
    return Response.noContent().build();
  }
}

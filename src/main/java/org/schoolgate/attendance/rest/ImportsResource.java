package org.schoolgate.attendance.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.attendance.imports.ImportKind;
import org.schoolgate.attendance.imports.ImportPipeline;
import org.schoolgate.attendance.imports.ImportResult;
import org.schoolgate.attendance.imports.MisImports;

/**
 * Bulk imports from the school's MIS as JSON arrays (the same rows and checks as the CSV files of
 * docs/import-formats.md, all or nothing), and the school's import history. Staff of the school
 * (office, attendance officer, headteacher, administrator) or the school's API key.
 */
@Path("schools/{schoolId}/imports")
@Tag(name = "Imports")
@Produces(MediaType.APPLICATION_JSON)
@ImportApiKeyAccepted
@SecurityScheme(
    securitySchemeName = "importApiKey",
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.HEADER,
    apiKeyName = "Authorization",
    description = "A school's API key, sent as \"Authorization: ApiKey <key>\"; only for imports and the amended-marks export")
@SecurityRequirement(name = "staff")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "importApiKey")
public class ImportsResource {

  /** 422: the body was read and refused; nothing was applied. */
  static final int UNPROCESSABLE = 422;

  @Inject MisImports imports;

  @POST
  @Path("{kind}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Import pupils, guardians, calendar or marks from a JSON array, all or nothing",
      description =
          "kind is pupils, guardians, calendar or marks. Each array item is an object with the CSV columns of"
              + " docs/import-formats.md as properties. If any item has a problem nothing is applied and the"
              + " response (422) lists the first 100 problems by item number with the total count. Importing the"
              + " same array again changes nothing; a changed mark code is written to the amendment history.")
  @APIResponse(responseCode = "200", description = "Applied")
  @APIResponse(responseCode = "422", description = "Refused: nothing applied; see errors")
  public Response importJson(
      @PathParam("schoolId") UUID schoolId,
      @PathParam("kind") String kind,
      @QueryParam("name") String name,
      InputStream body) {
    ImportResult result = imports.importFile(schoolId, ImportKind.of(kind), ImportPipeline.Format.JSON, name, body);
    return Response.status(result.applied() ? 200 : UNPROCESSABLE).entity(ImportViews.ResultView.of(result)).build();
  }

  @GET
  @Operation(summary = "The school's import runs, newest first: counts, errors and who ran them")
  public List<ImportViews.RunView> history(
      @PathParam("schoolId") UUID schoolId, @QueryParam("limit") @DefaultValue("50") int limit) {
    return imports.history(schoolId, limit).stream().map(ImportViews.RunView::of).toList();
  }
}

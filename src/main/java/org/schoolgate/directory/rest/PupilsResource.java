package org.schoolgate.directory.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.directory.application.PupilDirectory;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;

/** One pupil's record: staff who may see the pupil, or a parent with responsibility for them. */
@Path("pupils")
@Tag(name = "Pupils")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
@SecurityRequirement(name = "bearer")
public class PupilsResource {

  @Inject PupilDirectory directory;
  @Inject CurrentUser currentUser;

  @GET
  @Path("{pupilId}")
  @Operation(summary = "A pupil's record (staff reads are written to the access audit)")
  public DirectoryViews.PupilView pupil(@PathParam("pupilId") UUID pupilId) {
    SignedInUser user = currentUser.require();
    Pupil pupil = directory.pupil(pupilId, "GET /api/v1/pupils/{id}");
    return user.isStaff() ? DirectoryViews.PupilView.forStaff(pupil) : DirectoryViews.PupilView.forParent(pupil);
  }

  @GET
  @Path("{pupilId}/guardians")
  @Operation(summary = "A pupil's guardians in contact-priority order (staff only)")
  public List<DirectoryViews.GuardianView> guardians(@PathParam("pupilId") UUID pupilId) {
    currentUser.requireStaff();
    return directory.guardiansOf(pupilId, "GET /api/v1/pupils/{id}/guardians").stream()
        .map(DirectoryViews.GuardianView::of)
        .toList();
  }
}

package org.schoolgate.directory.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.directory.application.PupilDirectory;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;

/** Who the caller is, and for parents, their children. */
@Path("me")
@Tag(name = "Me")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
@SecurityRequirement(name = "bearer")
public class MeResource {

  public record Me(String kind, UUID id, String displayName, Map<UUID, Set<StaffRole>> rolesBySchool, String language) {}

  @Inject CurrentUser currentUser;
  @Inject PupilDirectory directory;

  @GET
  @Operation(summary = "The signed-in person and their roles")
  public Me me() {
    SignedInUser u = currentUser.require();
    return new Me(u.kind().name(), u.id(), u.displayName(), u.rolesBySchool(), u.language());
  }

  @GET
  @Path("children")
  @Operation(summary = "For a parent: the children they hold parental responsibility for")
  public List<DirectoryViews.PupilView> children() {
    return directory.myChildren().stream().map(DirectoryViews.PupilView::forParent).toList();
  }
}

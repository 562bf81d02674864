package org.zhijiao.reporting.projection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.security.Caller;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.reporting.projection.ProjectionDtos.Freshness;
import org.zhijiao.reporting.projection.ProjectionDtos.RebuildView;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projections", description = "How current the projections are, and rebuilding them from the topics")
public class ProjectionResource {

    private static final String REBUILD_EXAMPLE = """
            {"id": "0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8b", "state": "DONE", "requestedBy": "secretariat",
             "startedAt": "2026-11-28T10:00:00Z", "finishedAt": "2026-11-28T10:00:06Z", "recordsRead": 120000,
             "malformedSkipped": 0, "recordsPerSecond": 20000.0, "phase": "DONE"}""";

    @Inject
    RebuildService rebuilds;

    @Inject
    FreshnessService freshness;

    @Inject
    Caller caller;

    @POST
    @Path("/projections/rebuilds")
    @RolesAllowed(Roles.GROUP_ADMIN)
    @APIResponse(responseCode = "202", description = "Started", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "started", value = REBUILD_EXAMPLE)))
    public Response start() {
        RebuildView view = rebuilds.start(caller.clientId());
        return Response.accepted(view).location(URI.create("/api/v1/projections/rebuilds/" + view.id())).build();
    }

    @GET
    @Path("/projections/rebuilds/{id}")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY})
    @APIResponse(responseCode = "200", description = "The rebuild", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "done", value = REBUILD_EXAMPLE)))
    public RebuildView get(@PathParam("id") UUID id) {
        return rebuilds.get(id).orElseThrow(() -> ProblemException.notFound("Rebuild", id));
    }

    @GET
    @Path("/reporting/freshness")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
    @APIResponse(responseCode = "200", description = "Measured now", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "caughtUp", value = """
                    {"measuredAt": "2026-11-28T10:00:00Z", "caughtUp": true, "rebuilding": false,
                     "topics": [{"topic": "zhijiao.membership.memberships", "lagRecords": 0, "lagSeconds": 0.0,
                       "endOffset": 1204, "appliedOffset": 1204, "lastEventTime": "2026-11-28T09:59:58Z",
                       "lastAppliedAt": "2026-11-28T09:59:58.040Z"}]}""")))
    @APIResponse(responseCode = "503", description = "Kafka did not answer")
    public Freshness freshness() {
        return freshness.measure();
    }
}

package org.zhijiao.membership.reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.commons.web.ETags;
import org.zhijiao.membership.reference.ReferenceDtos.ReferenceItemRequest;
import org.zhijiao.membership.reference.ReferenceDtos.ReferenceItemView;

@Path("/api/v1/reference/{kind}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "Specialty clusters, industry chains and sub-alliances")
// every role reads; each write names who may make it
@RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
public class ReferenceDataResource {

    @Inject
    ReferenceDataService service;

    @GET
    public List<ReferenceItemView> list(
            @Parameter(description = "specialty-clusters, industry-chains or sub-alliances",
                    schema = @Schema(enumeration = {"specialty-clusters", "industry-chains", "sub-alliances"}))
            @PathParam("kind") String kind) {
        return service.list(kindOf(kind));
    }

    @GET
    @Path("/{code}")
    public Response get(@PathParam("kind") String kind, @PathParam("code") String code) {
        ReferenceItemView item = service.get(kindOf(kind), code)
                .orElseThrow(() -> ProblemException.notFound(kind, code));
        return Response.ok(item).tag(ETags.of(item.version())).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.GROUP_ADMIN)
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "201", description = "Created")
    public Response put(@PathParam("kind") String kind, @PathParam("code") String code,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match",
                    description = "ETag of your last read; required to change an existing code (428 without it), "
                            + "not to define a new one or to repeat an identical definition")
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReferenceItemRequest request, @Context UriInfo uri) {
        ReferenceDataService.Upserted result = service.upsert(kindOf(kind), code, request, ifMatch);
        Response.ResponseBuilder response = result.created()
                ? Response.created(uri.getAbsolutePath())
                : Response.ok();
        return response.entity(result.item()).tag(ETags.of(result.item().version())).build();
    }

    private static ReferenceKind kindOf(String path) {
        return ReferenceKind.fromPath(path).orElseThrow(() -> ProblemException.notFound("Reference data kind", path));
    }
}

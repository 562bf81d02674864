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
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(operationId = "listReferenceItems", summary = "List the codes of one kind of reference data",
            description = "Specialty clusters, industry chains or sub-alliances: every code of the kind with its "
                    + "Chinese and English names, retired ones included with their retirement day.")
    public List<ReferenceItemView> list(
            @Parameter(description = "specialty-clusters, industry-chains or sub-alliances",
                    schema = @Schema(enumeration = {"specialty-clusters", "industry-chains", "sub-alliances"}))
            @PathParam("kind") String kind) {
        return service.list(kindOf(kind));
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getReferenceItem", summary = "Get one reference code",
            description = "The code's names, retirement day and version (ETag).")
    public Response get(@PathParam("kind") String kind, @PathParam("code") String code) {
        ReferenceItemView item = service.get(kindOf(kind), code)
                .orElseThrow(() -> ProblemException.notFound(kind, code));
        return Response.ok(item).tag(ETags.of(item.version())).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.GROUP_ADMIN)
    @Operation(operationId = "putReferenceItem", summary = "Define or rename a reference code",
            description = "Idempotent: the same request twice leaves one code. Retire a code with `retiredOn`. "
                    + "Changing an existing code needs its ETag in `If-Match`.")
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

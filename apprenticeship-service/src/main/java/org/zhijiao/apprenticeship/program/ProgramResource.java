package org.zhijiao.apprenticeship.program;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.apprenticeship.common.Access;
import org.zhijiao.apprenticeship.common.TransitionRequest;
import org.zhijiao.apprenticeship.program.ProgramDtos.ProgramRequest;
import org.zhijiao.apprenticeship.program.ProgramDtos.ProgramView;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.commons.web.ApiResource;
import org.zhijiao.commons.web.IdempotencyKey;
import org.zhijiao.commons.web.Page;
import org.zhijiao.commons.web.PageRequest;
import org.zhijiao.commons.web.Responses;
import org.zhijiao.commons.web.WriteTarget;

@Path("/api/v1/programs")
@Tag(name = "Programs", description = "Modern-apprenticeship pilots, order classes and international cooperation "
        + "projects with their training plans; DRAFT → APPROVED → PUBLISHED → RETIRED")
// every role reads; each write names who may make it
@RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
public class ProgramResource extends ApiResource<ProgramService> {

    @GET
    public Page<ProgramView> list(
            @QueryParam("schoolId") UUID schoolId,
            @QueryParam("kind") ProgramKind kind,
            @QueryParam("status") ProgramStatus status,
            @Valid @BeanParam PageRequest page) {
        return service.list(new ProgramService.Filter(schoolId, kind, status), page.cursor(), page.limit());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        return Responses.okOrNotFound(service.get(id), "Program", id);
    }

    @POST
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @APIResponse(responseCode = "201", description = "Drafted; Location points at it")
    public Response draft(@BeanParam IdempotencyKey key, @Valid @NotNull ProgramRequest request) {
        Access.requireActsFor(caller, request.schoolId(), "schoolId");
        return idempotency.createIn(key, "/api/v1/programs", request, () -> service.draft(request, caller.clientId()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    public Response replace(@BeanParam WriteTarget target, @Valid @NotNull ProgramRequest request) {
        service.findVisible(target.id(), p -> caller.isAdmin() || caller.actsFor(p.schoolId));
        return Responses.ok(service.replace(target.id(), request, target.ifMatch()));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.GROUP_ADMIN)
    public Response transition(@BeanParam WriteTarget target,
            @Valid @NotNull TransitionRequest<ProgramAction> request) {
        return Responses.ok(service.transition(target.id(), request, target.ifMatch(), caller.clientId()));
    }
}

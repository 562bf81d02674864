package org.zhijiao.apprenticeship.specialty;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.apprenticeship.common.Access;
import org.zhijiao.apprenticeship.common.TransitionRequest;
import org.zhijiao.apprenticeship.specialty.SpecialtyDtos.DesignationRequest;
import org.zhijiao.apprenticeship.specialty.SpecialtyDtos.SpecialtyChange;
import org.zhijiao.apprenticeship.specialty.SpecialtyDtos.SpecialtyRequest;
import org.zhijiao.apprenticeship.specialty.SpecialtyDtos.SpecialtyView;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.commons.web.ApiResource;
import org.zhijiao.commons.web.IdempotencyKey;
import org.zhijiao.commons.web.Page;
import org.zhijiao.commons.web.PageRequest;
import org.zhijiao.commons.web.Responses;
import org.zhijiao.commons.web.WriteTarget;

@Path("/api/v1/specialties")
@Tag(name = "Specialties", description = "Specialties offered by member schools, in specialty clusters, with their "
        + "national / provincial / municipal demonstration, brand and featured designations")
// every role reads; each write names who may make it
@RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
public class SpecialtyResource extends ApiResource<SpecialtyService> {

    @GET
    public Page<SpecialtyView> list(
            @QueryParam("schoolId") UUID schoolId,
            @Parameter(example = "IOT") @QueryParam("clusterCode") @Size(max = 40) String clusterCode,
            @QueryParam("status") SpecialtyStatus status,
            @Parameter(description = "Only specialties holding a designation of this level")
            @QueryParam("designationLevel") DesignationLevel designationLevel,
            @Valid @BeanParam PageRequest page) {
        UUID school = schoolId;
        if (caller.has(Roles.SCHOOL) && caller.tenant() != null) {
            if (schoolId != null && !schoolId.equals(caller.tenant())) {
                return Page.empty();
            }
            school = caller.tenant();
        }
        return service.list(new SpecialtyService.Filter(school, clusterCode, status, designationLevel),
                page.cursor(), page.limit());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        return Responses.okOrNotFound(service.get(id).filter(s -> visible(s.schoolId())), "Specialty", id);
    }

    @POST
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @APIResponse(responseCode = "201", description = "Recorded; Location points at it")
    public Response offer(@BeanParam IdempotencyKey key, @Valid @NotNull SpecialtyRequest request) {
        Access.requireActsFor(caller, request.schoolId(), "schoolId");
        return idempotency.createIn(key, "/api/v1/specialties", request,
                () -> service.offer(request, caller.clientId()));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    public Response change(@BeanParam WriteTarget target, @Valid @NotNull SpecialtyChange change) {
        requireManaged(target.id());
        return Responses.ok(service.change(target.id(), change, target.ifMatch()));
    }

    @POST
    @Path("/{id}/designations")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    public Response designate(@BeanParam WriteTarget target, @Valid @NotNull DesignationRequest request) {
        requireManaged(target.id());
        return Responses.ok(service.designate(target.id(), request, target.ifMatch()));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    public Response transition(@BeanParam WriteTarget target,
            @Valid @NotNull TransitionRequest<SpecialtyAction> request) {
        requireManaged(target.id());
        return Responses.ok(service.transition(target.id(), request, target.ifMatch(), caller.clientId()));
    }

    private boolean visible(UUID schoolId) {
        return !caller.has(Roles.SCHOOL) || caller.seesAll() || caller.actsFor(schoolId);
    }

    /** Schools change their own specialties; another school's is not found. */
    private void requireManaged(UUID id) {
        service.findVisible(id, s -> caller.isAdmin() || caller.actsFor(s.schoolId));
    }
}

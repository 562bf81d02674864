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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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

    static final String EXAMPLE = """
            {"schoolId": "0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8b", "code": "710102", "nameZh": "物联网技术应用",
             "nameEn": "Internet of Things technology application", "clusterCode": "IOT", "offeredOn": "2015-09-01"}""";

    @GET
    @Operation(operationId = "listSpecialties", summary = "List specialties",
            description = "A school sees its own specialties; enterprises, admins and read-only callers see the "
                    + "whole catalogue.")
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
    @Operation(operationId = "getSpecialty", summary = "Get one specialty with its designations and history",
            description = "The school, cluster, designations with their dates and the lifecycle; its ETag is the "
                    + "version to send as If-Match.")
    public Response get(@PathParam("id") UUID id) {
        return Responses.okOrNotFound(service.get(id).filter(s -> visible(s.schoolId())), "Specialty", id);
    }

    @POST
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @Operation(operationId = "offerSpecialty", summary = "Record a specialty a member school offers",
            description = "The school must be an active member school and the cluster a specialty cluster in use; "
                    + "a school records its own specialties only.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "iot", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded; Location points at it")
    public Response offer(@BeanParam IdempotencyKey key, @Valid @NotNull SpecialtyRequest request) {
        Access.requireActsFor(caller, request.schoolId(), "schoolId");
        return idempotency.createIn(key, "/api/v1/specialties", request,
                () -> service.offer(request, caller.clientId()));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @Operation(operationId = "changeSpecialty", summary = "Rename a specialty or move it to another cluster",
            description = "Names and the specialty-cluster code; designations and the lifecycle change through "
                    + "their own operations. Requires If-Match with the ETag of your last read.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rename", value = """
            {"nameEn": "IoT technology application", "clusterCode": "IOT"}""")))
    public Response change(@BeanParam WriteTarget target, @Valid @NotNull SpecialtyChange change) {
        requireManaged(target.id());
        return Responses.ok(service.change(target.id(), change, target.ifMatch()));
    }

    @POST
    @Path("/{id}/designations")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @Operation(operationId = "designateSpecialty", summary = "Record a designation the specialty was awarded",
            description = "The same level and kind cannot be held twice over overlapping dates (409).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "provincial brand", value = """
            {"level": "PROVINCIAL", "kind": "BRAND", "title": "山东省职业教育品牌专业", "from": "2019-12-01"}""")))
    public Response designate(@BeanParam WriteTarget target, @Valid @NotNull DesignationRequest request) {
        requireManaged(target.id());
        return Responses.ok(service.designate(target.id(), request, target.ifMatch()));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @Operation(operationId = "transitionSpecialty", summary = "Discontinue or resume a specialty",
            description = "OFFERED ⇄ DISCONTINUED; anything else is a 409 `invalid-transition`.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "discontinue", value = """
            {"action": "DISCONTINUE", "on": "2022-07-01", "reason": "Merged into 710101"}""")))
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

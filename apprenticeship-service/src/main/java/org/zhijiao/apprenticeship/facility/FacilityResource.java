package org.zhijiao.apprenticeship.facility;

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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.apprenticeship.common.TransitionRequest;
import org.zhijiao.apprenticeship.facility.FacilityDtos.FacilityRequest;
import org.zhijiao.apprenticeship.facility.FacilityDtos.FacilityView;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.commons.web.ApiResource;
import org.zhijiao.commons.web.IdempotencyKey;
import org.zhijiao.commons.web.ListScope;
import org.zhijiao.commons.web.Page;
import org.zhijiao.commons.web.PageRequest;
import org.zhijiao.commons.web.Responses;
import org.zhijiao.commons.web.WriteTarget;

@Path("/api/v1/facilities")
@Tag(name = "Facilities", description = "Model-worker craftsman studios, master studios, factories-in-school, training "
        + "centers and off-campus bases; PLANNED → OPERATIONAL ⇄ SUSPENDED → CLOSED")
// every role reads; each write names who may make it
@RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
public class FacilityResource extends ApiResource<FacilityService> {

    static final String EXAMPLE = """
            {"type": "MODEL_WORKER_STUDIO", "nameZh": "王师傅劳模工匠室（虚构）",
             "nameEn": "Master Wang model-worker craftsman studio (fictional)",
             "hostOrganizationIds": ["0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8b", "0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8c"],
             "level": "MUNICIPAL", "capacity": 40, "focus": "工业机器人", "plannedOn": "2021-03-01"}""";

    @GET
    @Operation(operationId = "listFacilities", summary = "List facilities",
            description = "Schools and enterprises see the facilities they host.")
    public Page<FacilityView> list(
            @QueryParam("type") FacilityType type,
            @QueryParam("level") FacilityLevel level,
            @QueryParam("status") FacilityStatus status,
            @Parameter(description = "Only facilities this organization hosts") @QueryParam("hostId") UUID hostId,
            @Valid @BeanParam PageRequest page) {
        return ListScope.of(caller, hostId)
                .map(scope -> service.list(new FacilityService.Filter(type, level, status, scope.organizationId()),
                        page.cursor(), page.limit()))
                .orElseGet(Page::empty);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFacility", summary = "Get one facility with its history",
            description = "Type, level, capacity, host organizations and dated lifecycle; its ETag is the version "
                    + "to send as If-Match.")
    public Response get(@PathParam("id") UUID id) {
        return Responses.okOrNotFound(service.get(id)
                .filter(f -> caller.seesAll() || f.hostOrganizationIds().stream().anyMatch(caller::actsFor)),
                "Facility", id);
    }

    @POST
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL, Roles.ENTERPRISE})
    @Operation(operationId = "planFacility", summary = "Plan a facility",
            description = "Hosts must be active member schools or enterprises. A school or enterprise plans only "
                    + "facilities hosted by itself alone: co-hosting commits another organization, so co-hosts are "
                    + "added by the group secretariat (group admin) once that organization has agreed (403 otherwise).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "studio", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Planned; Location points at it")
    public Response plan(@BeanParam IdempotencyKey key, @Valid @NotNull FacilityRequest request) {
        requireHostedByCaller(request);
        requireNoCoHostsOfCaller(request);
        return idempotency.createIn(key, "/api/v1/facilities", request, () -> service.plan(request, caller.clientId()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL, Roles.ENTERPRISE})
    @Operation(operationId = "replaceFacility", summary = "Replace a facility's details",
            description = "A host may change its facility but not hand it over entirely: it must stay a host. "
                    + "Only the group secretariat (group admin) adds or removes co-hosts, since that needs the "
                    + "consent of the organization concerned; a host changing the hosts of its facility is a 403.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "studio", value = EXAMPLE)))
    public Response replace(@BeanParam WriteTarget target, @Valid @NotNull FacilityRequest request) {
        requireHost(target.id());
        requireHostedByCaller(request);
        requireSameCoHosts(target.id(), request);
        return Responses.ok(service.replace(target.id(), request, target.ifMatch()));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL, Roles.ENTERPRISE})
    @Operation(operationId = "transitionFacility", summary = "Establish, suspend, resume or close a facility",
            description = "An action the current state does not allow is a 409 `invalid-transition`.")
    @RequestBody(content = @Content(examples = {
        @ExampleObject(name = "establish", value = "{\"action\": \"ESTABLISH\", \"on\": \"2021-09-10\"}"),
        @ExampleObject(name = "suspend", value = "{\"action\": \"SUSPEND\", \"reason\": \"Workshop renovation\"}")}))
    public Response transition(@BeanParam WriteTarget target,
            @Valid @NotNull TransitionRequest<FacilityAction> request) {
        requireHost(target.id());
        return Responses.ok(service.transition(target.id(), request, target.ifMatch(), caller.clientId()));
    }

    private void requireHostedByCaller(FacilityRequest request) {
        if (!caller.isAdmin() && request.hostOrganizationIds().stream().noneMatch(caller::actsFor)) {
            throw ProblemException.forbidden("hostOrganizationIds: you may plan only facilities you host");
        }
    }

    /** A school or enterprise plans a facility as its only host: co-hosting takes the co-host's consent. */
    private void requireNoCoHostsOfCaller(FacilityRequest request) {
        if (!caller.isAdmin() && !request.hostOrganizationIds().stream().allMatch(caller::actsFor)) {
            throw ProblemException.forbidden("hostOrganizationIds: co-hosts are added by the group secretariat with "
                    + "their consent; plan the facility as its only host and ask the secretariat to add them");
        }
    }

    /** A host may not add or remove other organizations as co-hosts: that takes their consent. */
    private void requireSameCoHosts(UUID id, FacilityRequest request) {
        if (caller.isAdmin()) {
            return;
        }
        Set<UUID> current = service.get(id).map(FacilityView::hostOrganizationIds).orElse(Set.of());
        Set<UUID> othersNow = current.stream().filter(h -> !caller.actsFor(h)).collect(Collectors.toSet());
        Set<UUID> othersWanted = request.hostOrganizationIds().stream().filter(h -> !caller.actsFor(h))
                .collect(Collectors.toSet());
        if (!othersNow.equals(othersWanted)) {
            throw ProblemException.forbidden("hostOrganizationIds: co-hosts are added and removed by the group "
                    + "secretariat with the consent of the organization concerned");
        }
    }

    /** Hosts change their facility; to anyone else it does not exist. */
    private void requireHost(UUID id) {
        service.findVisible(id, f -> caller.isAdmin() || f.hostOrganizationIds.stream().anyMatch(caller::actsFor));
    }
}

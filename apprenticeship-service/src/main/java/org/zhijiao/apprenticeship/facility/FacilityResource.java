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
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

    @GET
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
    public Response get(@PathParam("id") UUID id) {
        return Responses.okOrNotFound(service.get(id)
                .filter(f -> caller.seesAll() || f.hostOrganizationIds().stream().anyMatch(caller::actsFor)),
                "Facility", id);
    }

    @POST
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL, Roles.ENTERPRISE})
    @APIResponse(responseCode = "201", description = "Planned; Location points at it")
    public Response plan(@BeanParam IdempotencyKey key, @Valid @NotNull FacilityRequest request) {
        requireHostedByCaller(request);
        requireNoCoHostsOfCaller(request);
        return idempotency.createIn(key, "/api/v1/facilities", request, () -> service.plan(request, caller.clientId()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL, Roles.ENTERPRISE})
    public Response replace(@BeanParam WriteTarget target, @Valid @NotNull FacilityRequest request) {
        requireHost(target.id());
        requireHostedByCaller(request);
        requireSameCoHosts(target.id(), request);
        return Responses.ok(service.replace(target.id(), request, target.ifMatch()));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL, Roles.ENTERPRISE})
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

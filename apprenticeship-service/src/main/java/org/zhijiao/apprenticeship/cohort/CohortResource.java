package org.zhijiao.apprenticeship.cohort;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.apprenticeship.cohort.CohortDtos.CohortChange;
import org.zhijiao.apprenticeship.cohort.CohortDtos.CohortRequest;
import org.zhijiao.apprenticeship.cohort.CohortDtos.CohortView;
import org.zhijiao.apprenticeship.cohort.CohortDtos.EnterprisesRequest;
import org.zhijiao.apprenticeship.cohort.CohortDtos.Occupancy;
import org.zhijiao.apprenticeship.cohort.CohortDtos.SuccessorRequest;
import org.zhijiao.apprenticeship.common.Access;
import org.zhijiao.apprenticeship.common.TransitionRequest;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.commons.web.ApiResource;
import org.zhijiao.commons.web.Idempotency;
import org.zhijiao.commons.web.IdempotencyKey;
import org.zhijiao.commons.web.Page;
import org.zhijiao.commons.web.PageRequest;
import org.zhijiao.commons.web.Responses;
import org.zhijiao.commons.web.WriteTarget;

@Path("/api/v1/cohorts")
@Tag(name = "Cohorts", description = "Batches of a program with their participating enterprises and places; "
        + "PLANNED → RECRUITING → ACTIVE → CLOSED | CANCELLED")
// every role reads; each write names who may make it
@RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
public class CohortResource extends ApiResource<CohortService> {

    @GET
    public Page<CohortView> list(
            @QueryParam("programId") UUID programId,
            @QueryParam("schoolId") UUID schoolId,
            @Parameter(description = "Only cohorts this enterprise has places in") @QueryParam("enterpriseId")
            UUID enterpriseId,
            @QueryParam("status") CohortStatus status,
            @Valid @BeanParam PageRequest page) {
        return Access.scope(caller, schoolId, enterpriseId)
                .map(scope -> service.list(new CohortService.Filter(programId, scope.schoolId(), scope.enterpriseId(),
                        status), page.cursor(), page.limit()))
                .orElseGet(Page::empty);
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        return Responses.okOrNotFound(service.get(id).filter(this::visible), "Cohort", id);
    }

    @GET
    @Path("/{id}/occupancy")
    public List<Occupancy> occupancy(@PathParam("id") UUID id) {
        CohortView view = service.get(id).filter(this::visible).orElseThrow(() -> ProblemException.notFound("Cohort", id));
        return service.occupancy(view.id()).stream()
                .filter(o -> !caller.has(Roles.ENTERPRISE) || caller.seesAll() || caller.actsFor(o.enterpriseId()))
                .toList();
    }

    @POST
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @APIResponse(responseCode = "201", description = "Planned; Location points at it")
    public Response plan(@BeanParam IdempotencyKey key, @Valid @NotNull CohortRequest request) {
        service.schoolOfProgram(request.programId()).ifPresent(school -> Access.requireActsFor(caller, school,
                "programId"));
        return idempotency.createIn(key, "/api/v1/cohorts", request, () -> service.plan(request, caller.clientId()));
    }

    @POST
    @Path("/{id}/successor")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @APIResponse(responseCode = "201", description = "Planned; Location points at it")
    public Response planSuccessor(@PathParam("id") UUID id,
            @BeanParam IdempotencyKey key,
            @Valid @NotNull SuccessorRequest request) {
        requireManaged(id);
        return idempotency.create(caller.clientId(), key.value(), "/api/v1/cohorts/" + id + "/successor", request,
                () -> Idempotency.Created.in("/api/v1/cohorts",
                        service.planSuccessor(id, request, caller.clientId())));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    public Response change(@BeanParam WriteTarget target, @Valid @NotNull CohortChange change) {
        requireManaged(target.id());
        return Responses.ok(service.change(target.id(), change, target.ifMatch()));
    }

    @PUT
    @Path("/{id}/enterprises")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    public Response setEnterprises(@BeanParam WriteTarget target, @Valid @NotNull EnterprisesRequest request) {
        requireManaged(target.id());
        return Responses.ok(service.setEnterprises(target.id(), request.enterprises(), target.ifMatch()));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    public Response transition(@BeanParam WriteTarget target, @Valid @NotNull TransitionRequest<CohortAction> request) {
        requireManaged(target.id());
        return Responses.ok(service.transition(target.id(), request, target.ifMatch(), caller.clientId()));
    }

    private boolean visible(CohortView cohort) {
        return caller.seesAll() || caller.actsFor(cohort.schoolId())
                || (caller.has(Roles.ENTERPRISE) && cohort.enterprises().stream()
                        .anyMatch(e -> caller.actsFor(e.enterpriseId())));
    }

    /** Schools manage their own cohorts; another school's cohort is not found. */
    private void requireManaged(UUID id) {
        service.findVisible(id, c -> caller.isAdmin() || caller.actsFor(c.schoolId));
    }
}

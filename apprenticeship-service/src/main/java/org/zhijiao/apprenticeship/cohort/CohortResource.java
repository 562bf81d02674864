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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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

    static final String EXAMPLE = """
            {"programId": "0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8b", "nameZh": "第五批工匠班", "nameEn": "5th craftsman class",
             "batchNumber": 5, "startsOn": "2022-09-01", "endsOn": "2025-06-30",
             "enterprises": [{"enterpriseId": "0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8c", "places": 3}]}""";

    @GET
    @Operation(operationId = "listCohorts", summary = "List cohorts",
            description = "A school sees its own cohorts, an enterprise the cohorts it has places in.")
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
    @Operation(operationId = "getCohort", summary = "Get one cohort with its enterprises, places and history",
            description = "School, program, batch number, participating enterprises with their places, schedule and "
                    + "lifecycle; its ETag is the version to send as If-Match.")
    public Response get(@PathParam("id") UUID id) {
        return Responses.okOrNotFound(service.get(id).filter(this::visible), "Cohort", id);
    }

    @GET
    @Path("/{id}/occupancy")
    @Operation(operationId = "getCohortOccupancy", summary = "Places taken and free per enterprise",
            description = "An enterprise sees its own line only.")
    public List<Occupancy> occupancy(@PathParam("id") UUID id) {
        CohortView view = service.get(id).filter(this::visible).orElseThrow(() -> ProblemException.notFound("Cohort", id));
        return service.occupancy(view.id()).stream()
                .filter(o -> !caller.has(Roles.ENTERPRISE) || caller.seesAll() || caller.actsFor(o.enterpriseId()))
                .toList();
    }

    @POST
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @Operation(operationId = "planCohort", summary = "Plan a cohort of a published program",
            description = "Every enterprise must be an active member enterprise (422 naming the entry otherwise). "
                    + "A school plans cohorts of its own programs only.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "5th craftsman class", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Planned; Location points at it")
    public Response plan(@BeanParam IdempotencyKey key, @Valid @NotNull CohortRequest request) {
        service.schoolOfProgram(request.programId()).ifPresent(school -> Access.requireActsFor(caller, school,
                "programId"));
        return idempotency.createIn(key, "/api/v1/cohorts", request, () -> service.plan(request, caller.clientId()));
    }

    @POST
    @Path("/{id}/successor")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @Operation(operationId = "planNextBatch", summary = "Plan the next batch from this cohort",
            description = "Copies program, school and enterprises with their places; the batch number goes up by "
                    + "one and the new cohort records this one as its previous batch. A cohort has one next batch.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "6th class", value = """
            {"nameZh": "第六批工匠班", "nameEn": "6th craftsman class", "startsOn": "2023-09-01"}""")))
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
    @Operation(operationId = "changeCohort", summary = "Rename or reschedule a cohort",
            description = "Names and dates only; enterprises and places change through their own operations. "
                    + "Requires If-Match with the ETag of your last read.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reschedule", value = """
            {"startsOn": "2022-09-05", "endsOn": "2025-07-10"}""")))
    public Response change(@BeanParam WriteTarget target, @Valid @NotNull CohortChange change) {
        requireManaged(target.id());
        return Responses.ok(service.change(target.id(), change, target.ifMatch()));
    }

    @PUT
    @Path("/{id}/enterprises")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @Operation(operationId = "setCohortEnterprises", summary = "Set the participating enterprises and their places",
            description = "Replaces the whole list, while PLANNED or RECRUITING. Places cannot go below those "
                    + "already taken (409).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two enterprises", value = """
            {"enterprises": [{"enterpriseId": "0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8c", "places": 3},
                             {"enterpriseId": "0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8d", "places": 2}]}""")))
    public Response setEnterprises(@BeanParam WriteTarget target, @Valid @NotNull EnterprisesRequest request) {
        requireManaged(target.id());
        return Responses.ok(service.setEnterprises(target.id(), request.enterprises(), target.ifMatch()));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @Operation(operationId = "transitionCohort", summary = "Open recruitment, start, close or cancel a cohort",
            description = "An action the current state does not allow is a 409 `invalid-transition`.")
    @RequestBody(content = @Content(examples = {
        @ExampleObject(name = "open", value = "{\"action\": \"OPEN_RECRUITMENT\", \"on\": \"2022-06-01\"}"),
        @ExampleObject(name = "cancel", value = "{\"action\": \"CANCEL\", \"reason\": \"Too few applicants\"}")}))
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

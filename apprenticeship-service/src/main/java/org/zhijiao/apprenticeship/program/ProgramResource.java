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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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

    static final String EXAMPLE = """
            {"kind": "MODERN_APPRENTICESHIP_PILOT", "titleZh": "智能制造现代学徒制试点",
             "titleEn": "Smart manufacturing modern apprenticeship pilot",
             "schoolId": "0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8b", "partnerOrganizationIds": [], "specialtyIds": [],
             "trainingPlan": {"durationMonths": 36, "summary": "Two days a week on the job",
               "modules": [{"code": "M01", "title": "机械识图", "location": "SCHOOL", "hours": 72},
                           {"code": "M02", "title": "工业机器人岗位实训", "location": "ENTERPRISE", "hours": 240}]}}""";

    @GET
    @Operation(operationId = "listPrograms", summary = "List programs",
            description = "Programs are the group's catalogue: every role sees all of them.")
    public Page<ProgramView> list(
            @QueryParam("schoolId") UUID schoolId,
            @QueryParam("kind") ProgramKind kind,
            @QueryParam("status") ProgramStatus status,
            @Valid @BeanParam PageRequest page) {
        return service.list(new ProgramService.Filter(schoolId, kind, status), page.cursor(), page.limit());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProgram", summary = "Get one program with its training plan and history",
            description = "Kind, training plan and lifecycle; its ETag is the version to send as If-Match.")
    public Response get(@PathParam("id") UUID id) {
        return Responses.okOrNotFound(service.get(id), "Program", id);
    }

    @POST
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @Operation(operationId = "draftProgram", summary = "Draft a program",
            description = "The school must be an active member school (a school drafts its own programs only); "
                    + "partners must be active members; specialties must be the school's.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "pilot", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Drafted; Location points at it")
    public Response draft(@BeanParam IdempotencyKey key, @Valid @NotNull ProgramRequest request) {
        Access.requireActsFor(caller, request.schoolId(), "schoolId");
        return idempotency.createIn(key, "/api/v1/programs", request, () -> service.draft(request, caller.clientId()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @Operation(operationId = "replaceProgram", summary = "Replace a draft program and its training plan",
            description = "Only a DRAFT can change (409 otherwise): an approved plan is returned to draft first.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "pilot", value = EXAMPLE)))
    public Response replace(@BeanParam WriteTarget target, @Valid @NotNull ProgramRequest request) {
        service.findVisible(target.id(), p -> caller.isAdmin() || caller.actsFor(p.schoolId));
        return Responses.ok(service.replace(target.id(), request, target.ifMatch()));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.GROUP_ADMIN)
    @Operation(operationId = "transitionProgram", summary = "Approve, return, publish or retire a program",
            description = "The secretariat's decision. An action the current state does not allow is a 409 "
                    + "`invalid-transition`.")
    @RequestBody(content = @Content(examples = {
        @ExampleObject(name = "approve", value = "{\"action\": \"APPROVE\", \"on\": \"2022-03-01\"}"),
        @ExampleObject(name = "return", value = "{\"action\": \"RETURN_TO_DRAFT\", \"reason\": \"Add the assessment"
                + " module\"}")}))
    public Response transition(@BeanParam WriteTarget target,
            @Valid @NotNull TransitionRequest<ProgramAction> request) {
        return Responses.ok(service.transition(target.id(), request, target.ifMatch(), caller.clientId()));
    }
}

package org.zhijiao.apprenticeship.enrollment;

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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.apprenticeship.common.Access;
import org.zhijiao.apprenticeship.enrollment.EnrollmentDtos.AgreementRevisionRequest;
import org.zhijiao.apprenticeship.enrollment.EnrollmentDtos.AssignmentRequest;
import org.zhijiao.apprenticeship.enrollment.EnrollmentDtos.ConfirmationRequest;
import org.zhijiao.apprenticeship.enrollment.EnrollmentDtos.EnrollmentChange;
import org.zhijiao.apprenticeship.enrollment.EnrollmentDtos.EnrollmentRequest;
import org.zhijiao.apprenticeship.enrollment.EnrollmentDtos.EnrollmentTransitionRequest;
import org.zhijiao.apprenticeship.enrollment.EnrollmentDtos.EnrollmentView;
import org.zhijiao.apprenticeship.enrollment.EnrollmentDtos.TransferRequest;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.commons.web.ApiResource;
import org.zhijiao.commons.web.IdempotencyKey;
import org.zhijiao.commons.web.Page;
import org.zhijiao.commons.web.PageRequest;
import org.zhijiao.commons.web.Responses;
import org.zhijiao.commons.web.WriteTarget;

@Path("/api/v1/enrollments")
@Tag(name = "Enrollments", description = "Students who are also apprentices, their tripartite agreements, mentors "
        + "and teachers; PENDING_AGREEMENT → REGISTERED → ACTIVE ⇄ PAUSED → COMPLETED | WITHDRAWN")
// every role reads; each write names who may make it
@RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
public class EnrollmentResource extends ApiResource<EnrollmentService> {

    static final String EXAMPLE = """
            {"cohortId": "0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8b", "enterpriseId": "0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8c",
             "student": {"studentNumber": "2022050301", "nameZh": "张小明（虚构）"}, "apprenticeNumber": "QD-AP-0042",
             "agreement": {"TRAINING_CONTENT": "工业机器人操作与维护岗位培养", "SCHEDULE": "每周三天在校、两天在岗",
               "COMPENSATION": "岗位实习补贴每月1500元", "INSURANCE": "企业投保学徒意外伤害险",
               "ASSESSMENT": "校企双方共同考核，取得职业技能等级证书"}}""";

    @GET
    @Operation(operationId = "listEnrollments", summary = "List enrollments",
            description = "A school sees its own students, an enterprise its own apprentices.")
    public Page<EnrollmentView> list(
            @QueryParam("cohortId") UUID cohortId,
            @QueryParam("schoolId") UUID schoolId,
            @QueryParam("enterpriseId") UUID enterpriseId,
            @QueryParam("status") EnrollmentStatus status,
            @Valid @BeanParam PageRequest page) {
        return Access.scope(caller, schoolId, enterpriseId)
                .map(scope -> service.list(new EnrollmentService.Filter(cohortId, scope.schoolId(), scope.enterpriseId(),
                        status), page.cursor(), page.limit()))
                .orElseGet(Page::empty);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getEnrollment", summary = "Get one enrollment with its agreement, staff and history",
            description = "The enrollment's state, tripartite agreement and its confirmations, mentor and teacher "
                    + "assignments with dates, and lifecycle; its ETag is the version to send as If-Match.")
    public Response get(@PathParam("id") UUID id) {
        return Responses.okOrNotFound(service.get(id)
                .filter(e -> caller.seesAll() || caller.actsFor(e.schoolId()) || caller.actsFor(e.enterpriseId())),
                "Enrollment", id);
    }

    @POST
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @Operation(operationId = "enroll", summary = "Enroll a student as an apprentice of an enterprise in a cohort",
            description = "Takes one of the enterprise's places: when all are taken the answer is 409, also under "
                    + "concurrent requests. The agreement starts at version 1 and waits for every party.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "apprentice", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Enrolled, PENDING_AGREEMENT; Location points at it")
    public Response enroll(@BeanParam IdempotencyKey key, @Valid @NotNull EnrollmentRequest request) {
        service.schoolOfCohort(request.cohortId()).ifPresent(school -> Access.requireActsFor(caller, school,
                "cohortId"));
        return idempotency.createIn(key, "/api/v1/enrollments", request,
                () -> service.enroll(request, caller.clientId()));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @Operation(operationId = "changeEnrollment", summary = "Correct the student's name, apprentice number or "
            + "probation flag",
            description = "Only these corrections; the lifecycle, the agreement and staff change through their own "
                    + "operations. Requires If-Match with the ETag of your last read.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "probation passed", value = """
            {"inProbation": false}""")))
    public Response change(@BeanParam WriteTarget target, @Valid @NotNull EnrollmentChange change) {
        requireSchoolOf(target.id());
        return Responses.ok(service.change(target.id(), change, target.ifMatch()));
    }

    @PUT
    @Path("/{id}/agreement")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @Operation(operationId = "reviseAgreement", summary = "Revise the tripartite agreement",
            description = "Sections whose wording changes make version n+1 and lose their confirmations; unchanged "
                    + "sections keep theirs. The same wording again changes nothing.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "pay rise", value = """
            {"sections": {"COMPENSATION": "岗位实习补贴每月1800元"}}""")))
    public Response reviseAgreement(@BeanParam WriteTarget target, @Valid @NotNull AgreementRevisionRequest request) {
        requireSchoolOf(target.id());
        return Responses.ok(service.reviseAgreement(target.id(), request, target.ifMatch(), caller.clientId()));
    }

    @POST
    @Path("/{id}/agreement/confirmations")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL, Roles.ENTERPRISE})
    @Operation(operationId = "confirmAgreement", summary = "A party confirms the current agreement version",
            description = "The enterprise confirms as ENTERPRISE; the school as SCHOOL and on behalf of the "
                    + "STUDENT_GUARDIAN; admins record any party. `version` must be the current one (409 otherwise).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "enterprise", value = """
            {"party": "ENTERPRISE", "version": 1, "on": "2022-08-20"}""")))
    public Response confirm(@PathParam("id") UUID id, @Valid @NotNull ConfirmationRequest request) {
        requireSide(id, request.party() == Party.ENTERPRISE, "You cannot confirm as " + request.party());
        return Responses.ok(service.confirm(id, request, caller.clientId()));
    }

    @POST
    @Path("/{id}/assignments")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL, Roles.ENTERPRISE})
    @Operation(operationId = "assignStaff", summary = "Assign a mentor (师傅) or a teacher",
            description = "The enterprise assigns its mentors, the school its teachers. The previous holder of the "
                    + "role hands over the day before.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "mentor", value = """
            {"role": "MENTOR", "name": "李师傅（虚构）", "staffNumber": "E-1024", "from": "2022-09-15"}""")))
    public Response assign(@PathParam("id") UUID id, @Valid @NotNull AssignmentRequest request) {
        requireSide(id, request.role() == StaffRole.MENTOR, "You cannot assign a " + request.role());
        return Responses.ok(service.assign(id, request));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @Operation(operationId = "transitionEnrollment", summary = "Register, start, pause, resume, complete or withdraw",
            description = "REGISTER needs every party's confirmation of every section (409 otherwise); WITHDRAW needs "
                    + "a withdrawalReason. An action the current state does not allow is a 409 `invalid-transition`.")
    @RequestBody(content = @Content(examples = {
        @ExampleObject(name = "register", value = "{\"action\": \"REGISTER\", \"on\": \"2022-09-01\"}"),
        @ExampleObject(name = "withdraw", value = "{\"action\": \"WITHDRAW\", \"withdrawalReason\": \"STUDENT_REQUEST\","
                + " \"reason\": \"Family moved\", \"inProbation\": true}")}))
    public Response transition(@BeanParam WriteTarget target, @Valid @NotNull EnrollmentTransitionRequest request) {
        requireSchoolOf(target.id());
        return Responses.ok(service.transition(target.id(), request, target.ifMatch(), caller.clientId()));
    }

    @POST
    @Path("/{id}/transfer")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @Operation(operationId = "changeEnterprise", summary = "Move the apprentice to another enterprise of the cohort",
            description = "Withdraws this enrollment (CHANGED_ENTERPRISE) and creates one at the new enterprise that "
                    + "records which it continues; it takes a place there and needs a new confirmation of the agreement.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "transfer", value = """
            {"enterpriseId": "0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8d", "note": "Moved to the smart-home line"}""")))
    @APIResponse(responseCode = "201", description = "The new enrollment; Location points at it")
    public Response transfer(@BeanParam WriteTarget target, @Valid @NotNull TransferRequest request) {
        requireSchoolOf(target.id());
        return Responses.created("/api/v1/enrollments",
                service.transfer(target.id(), request, target.ifMatch(), caller.clientId()));
    }

    /**
     * A write on one party's side of an enrollment (the enterprise's mentors and confirmation, or the school's
     * teachers and its own and the guardian's confirmation): the enrollment is not found by others than its school
     * and enterprise, and only that side (or an admin) may make the write.
     */
    private void requireSide(UUID id, boolean enterpriseSide, String refusal) {
        Enrollment enrollment = service.findVisible(id, e -> caller.isAdmin() || caller.actsFor(e.schoolId)
                || caller.actsFor(e.enterpriseId));
        if (!caller.isAdmin() && !caller.actsFor(enterpriseSide ? enrollment.enterpriseId : enrollment.schoolId)) {
            throw ProblemException.forbidden(refusal);
        }
    }

    /** The school (or an admin) runs an enrollment; to another school it does not exist. */
    private void requireSchoolOf(UUID id) {
        service.findVisible(id, e -> caller.isAdmin() || caller.actsFor(e.schoolId));
    }
}

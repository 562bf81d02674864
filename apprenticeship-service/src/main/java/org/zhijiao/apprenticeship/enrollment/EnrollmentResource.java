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
import java.util.UUID;
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

    @GET
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
    public Response get(@PathParam("id") UUID id) {
        return Responses.okOrNotFound(service.get(id)
                .filter(e -> caller.seesAll() || caller.actsFor(e.schoolId()) || caller.actsFor(e.enterpriseId())),
                "Enrollment", id);
    }

    @POST
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
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
    public Response change(@BeanParam WriteTarget target, @Valid @NotNull EnrollmentChange change) {
        requireSchoolOf(target.id());
        return Responses.ok(service.change(target.id(), change, target.ifMatch()));
    }

    @PUT
    @Path("/{id}/agreement")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    public Response reviseAgreement(@BeanParam WriteTarget target, @Valid @NotNull AgreementRevisionRequest request) {
        requireSchoolOf(target.id());
        return Responses.ok(service.reviseAgreement(target.id(), request, target.ifMatch(), caller.clientId()));
    }

    @POST
    @Path("/{id}/agreement/confirmations")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL, Roles.ENTERPRISE})
    public Response confirm(@PathParam("id") UUID id, @Valid @NotNull ConfirmationRequest request) {
        requireSide(id, request.party() == Party.ENTERPRISE, "You cannot confirm as " + request.party());
        return Responses.ok(service.confirm(id, request, caller.clientId()));
    }

    @POST
    @Path("/{id}/assignments")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL, Roles.ENTERPRISE})
    public Response assign(@PathParam("id") UUID id, @Valid @NotNull AssignmentRequest request) {
        requireSide(id, request.role() == StaffRole.MENTOR, "You cannot assign a " + request.role());
        return Responses.ok(service.assign(id, request));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    public Response transition(@BeanParam WriteTarget target, @Valid @NotNull EnrollmentTransitionRequest request) {
        requireSchoolOf(target.id());
        return Responses.ok(service.transition(target.id(), request, target.ifMatch(), caller.clientId()));
    }

    @POST
    @Path("/{id}/transfer")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
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

package org.zhijiao.membership.membership;

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
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.commons.web.ApiResource;
import org.zhijiao.commons.web.IdempotencyKey;
import org.zhijiao.commons.web.ListScope;
import org.zhijiao.commons.web.Page;
import org.zhijiao.commons.web.PageRequest;
import org.zhijiao.commons.web.Responses;
import org.zhijiao.commons.web.WriteTarget;
import org.zhijiao.membership.membership.MembershipDtos.MembershipApplication;
import org.zhijiao.membership.membership.MembershipDtos.MembershipChange;
import org.zhijiao.membership.membership.MembershipDtos.MembershipView;
import org.zhijiao.membership.membership.MembershipDtos.TransitionRequest;
import org.zhijiao.membership.organization.OrganizationKind;

@Path("/api/v1/memberships")
@Tag(name = "Memberships", description = "Membership of the group and its dated lifecycle "
        + "APPLIED → UNDER_REVIEW → ACTIVE ⇄ SUSPENDED → WITHDRAWN | EXPELLED (and REJECTED)")
// every role reads; each write names who may make it
@RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
public class MembershipResource extends ApiResource<MembershipService> {

    @GET
    public Page<MembershipView> list(
            @Parameter(description = "Day to evaluate the lifecycle on", example = "2022-12-31")
            @QueryParam("asOf") LocalDate asOf,
            @Parameter(description = "Repeatable") @QueryParam("status") List<MembershipStatus> statuses,
            @QueryParam("role") MembershipRole role,
            @QueryParam("organizationKind") OrganizationKind kind,
            @QueryParam("subAlliance") @Size(max = 40) String subAlliance,
            @QueryParam("organizationId") UUID organizationId,
            @Valid @BeanParam PageRequest page) {
        return ListScope.of(caller, organizationId)
                .map(scope -> service.list(new MembershipService.Filter(asOf,
                        statuses == null || statuses.isEmpty() ? null : EnumSet.copyOf(statuses), role, kind,
                        subAlliance, scope.organizationId()), page.cursor(), page.limit()))
                .orElseGet(Page::empty);
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        return Responses.okOrNotFound(
                service.get(id).filter(m -> caller.seesAll() || caller.actsFor(m.organizationId())), "Membership", id);
    }

    @POST
    @RolesAllowed(Roles.GROUP_ADMIN)
    @APIResponse(responseCode = "201", description = "Applied")
    public Response apply(@BeanParam IdempotencyKey key, @Valid @NotNull MembershipApplication application) {
        return idempotency.createIn(key, "/api/v1/memberships", application,
                () -> service.apply(application, caller.clientId()));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL, Roles.ENTERPRISE})
    public Response transition(@BeanParam WriteTarget target, @Valid @NotNull TransitionRequest request) {
        if (!caller.isAdmin()) {
            Membership membership = service.find(target.id());
            if (!caller.actsFor(membership.organizationId)) {
                throw ProblemException.notFound("Membership", target.id());
            }
            if (request.action() != MembershipAction.WITHDRAW) {
                throw ProblemException.forbidden("A member may only withdraw its own membership");
            }
        }
        return Responses.ok(service.transition(target.id(), request, target.ifMatch(), caller.clientId()));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.GROUP_ADMIN)
    public Response change(@BeanParam WriteTarget target, @Valid @NotNull MembershipChange change) {
        return Responses.ok(service.change(target.id(), change, target.ifMatch()));
    }
}

package org.zhijiao.membership.agreement;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.commons.web.ApiResource;
import org.zhijiao.commons.web.IdempotencyKey;
import org.zhijiao.commons.web.ListScope;
import org.zhijiao.commons.web.Page;
import org.zhijiao.commons.web.PageRequest;
import org.zhijiao.commons.web.Responses;
import org.zhijiao.commons.web.WriteTarget;
import org.zhijiao.membership.agreement.AgreementDtos.AgreementRequest;
import org.zhijiao.membership.agreement.AgreementDtos.AgreementView;
import org.zhijiao.membership.agreement.AgreementDtos.TransitionRequest;

@Path("/api/v1/agreements")
@Tag(name = "Cooperation agreements", description = "DRAFT → PENDING_SIGNATURE → SIGNED → EXPIRED | TERMINATED | SUPERSEDED")
// every role reads; each write names who may make it
@RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
public class AgreementResource extends ApiResource<AgreementService> {

    @GET
    public Page<AgreementView> list(
            @QueryParam("status") AgreementStatus status,
            @QueryParam("kind") AgreementKind kind,
            @QueryParam("party") UUID party,
            @Valid @BeanParam PageRequest page) {
        return ListScope.of(caller, party)
                .map(scope -> service.list(new AgreementService.Filter(status, kind, scope.organizationId()),
                        page.cursor(), page.limit()))
                .orElseGet(Page::empty);
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        return Responses.okOrNotFound(
                service.get(id).filter(a -> caller.seesAll() || a.parties().stream().anyMatch(caller::actsFor)),
                "Agreement", id);
    }

    @POST
    @RolesAllowed(Roles.GROUP_ADMIN)
    @APIResponse(responseCode = "201", description = "Drafted")
    public Response draft(@BeanParam IdempotencyKey key, @Valid @NotNull AgreementRequest request) {
        return idempotency.createIn(key, "/api/v1/agreements", request,
                () -> service.draft(request, caller.clientId()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.GROUP_ADMIN)
    public Response revise(@BeanParam WriteTarget target, @Valid @NotNull AgreementRequest request) {
        return Responses.ok(service.revise(target.id(), request, target.ifMatch()));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.GROUP_ADMIN)
    public Response transition(@BeanParam WriteTarget target, @Valid @NotNull TransitionRequest request) {
        return Responses.ok(service.transition(target.id(), request, target.ifMatch(), caller.clientId()));
    }
}

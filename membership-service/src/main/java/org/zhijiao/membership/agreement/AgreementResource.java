package org.zhijiao.membership.agreement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.commons.security.Caller;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.commons.web.Idempotency;
import org.zhijiao.commons.web.Page;
import org.zhijiao.commons.web.Responses;
import org.zhijiao.membership.agreement.AgreementDtos.AgreementRequest;
import org.zhijiao.membership.agreement.AgreementDtos.AgreementView;
import org.zhijiao.membership.agreement.AgreementDtos.TransitionRequest;

@Path("/api/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cooperation agreements", description = "DRAFT → PENDING_SIGNATURE → SIGNED → EXPIRED | TERMINATED | SUPERSEDED")
@SecurityRequirement(name = "bearer")
public class AgreementResource {

    @Inject
    AgreementService service;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
    @Operation(operationId = "listAgreements", summary = "List cooperation agreements",
            description = "Schools and enterprises see the agreements they are party to.")
    public Page<AgreementView> list(
            @QueryParam("status") AgreementStatus status,
            @QueryParam("kind") AgreementKind kind,
            @QueryParam("party") UUID party,
            @QueryParam("cursor") @Size(max = 100) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        UUID tenant = caller.tenant();
        if (tenant != null && party != null && !party.equals(tenant)) {
            return new Page<>(List.of(), null);
        }
        return service.list(new AgreementService.Filter(status, kind, tenant != null ? tenant : party), cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
    @Operation(operationId = "getAgreement", summary = "Get one cooperation agreement",
            description = "The agreement's parties, terms and dated lifecycle; its ETag is the version to send as "
                    + "If-Match when revising or moving it on.")
    public Response get(@PathParam("id") UUID id) {
        return Responses.okOrNotFound(
                service.get(id).filter(a -> caller.seesAll() || a.parties().stream().anyMatch(caller::actsFor)),
                "Agreement", id);
    }

    @POST
    @RolesAllowed(Roles.GROUP_ADMIN)
    @Operation(operationId = "draftAgreement", summary = "Draft a cooperation agreement",
            description = "Starts in DRAFT: revise it while in draft, then move it on through its transitions "
                    + "(submit for signature, sign, ...).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "apprenticeship", value = """
            {"title": "现代学徒制第五期工匠班合作协议", "kind": "APPRENTICESHIP",
             "parties": ["0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8b", "0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8c"],
             "validFrom": "2022-09-01", "validUntil": "2025-08-31"}""")))
    @APIResponse(responseCode = "201", description = "Drafted")
    public Response draft(
            @Parameter(in = ParameterIn.HEADER, name = Idempotency.HEADER) @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull AgreementRequest request) {
        return idempotency.createIn(caller.clientId(), key, "/api/v1/agreements", request,
                () -> service.draft(request, caller.clientId()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.GROUP_ADMIN)
    @Operation(operationId = "reviseAgreement", summary = "Revise a draft agreement",
            description = "Only while the agreement is in DRAFT (otherwise 409). Requires If-Match with the ETag of "
                    + "your last read.")
    public Response revise(@PathParam("id") UUID id,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull AgreementRequest request) {
        return Responses.ok(service.revise(id, request, ifMatch));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.GROUP_ADMIN)
    @Operation(operationId = "transitionAgreement", summary = "Move an agreement along its lifecycle",
            description = "SUPERSEDE is never requested directly: signing an agreement with `supersedes` records it.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "sign",
            value = "{\"action\": \"SIGN\", \"on\": \"2022-08-20\"}")))
    public Response transition(@PathParam("id") UUID id,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TransitionRequest request) {
        return Responses.ok(service.transition(id, request, ifMatch, caller.clientId()));
    }
}

package org.zhijiao.gateway.client;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.commons.problem.Problem;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.problem.ProblemType;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.commons.web.ApiResource;
import org.zhijiao.commons.web.ETags;
import org.zhijiao.commons.web.Page;
import org.zhijiao.commons.web.PageRequest;
import org.zhijiao.gateway.client.ClientDtos.ClientCredentials;
import org.zhijiao.gateway.client.ClientDtos.ClientRequest;
import org.zhijiao.gateway.client.ClientDtos.ClientView;
import org.zhijiao.gateway.client.ClientDtos.RateLimitChange;

/**
 * The gateway's own admin API (served here, not proxied): the group secretariat registers the
 * clients of partners and schools, rotates their secrets and revokes them. No Idempotency-Key on
 * register: replaying its response would mean storing the secret in clear.
 */
@Path("/api/v1/gateway/clients")
@Tag(name = "Gateway clients", description = "API clients allowed to obtain tokens (group admins only)")
@RolesAllowed(Roles.GROUP_ADMIN)
public class ClientResource extends ApiResource<ClientService> {

    static final String EXAMPLE = """
            {"name": "青岛示例智能制造有限公司 ERP（虚构）", "organizationId": "0190a8f0-0000-7000-8000-000000000042",
             "roles": ["enterprise"], "rateLimit": {"capacity": 50, "refillPerSecond": 20}}""";

    @GET
    @Operation(operationId = "listClients", summary = "List registered clients",
            description = "Every client registered at the gateway, active and revoked, with its organization, roles "
                    + "and own rate limit; never a secret.")
    public Page<ClientView> list(
            @Parameter(description = "Only the clients of this organization") @QueryParam("organizationId") UUID organizationId,
            @Valid @BeanParam PageRequest page) {
        return service.list(organizationId, page.cursor(), page.limit());
    }

    @GET
    @Path("/{clientId}")
    @Operation(operationId = "getClient", summary = "Get one client",
            description = "The client's organization, roles, status and own rate limit; the secret is never shown "
                    + "again after registration or rotation.")
    public Response get(@PathParam("clientId") String clientId) {
        ClientView view = service.get(clientId).orElseThrow(() -> ProblemException.notFound("Client", clientId));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @POST
    @Operation(operationId = "registerClient", summary = "Register a client",
            description = "Returns the client id and its secret; the secret is shown only this once.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "enterprise", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; Location points at it",
            content = @Content(schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ClientCredentials.class)))
    public Response register(@Valid @NotNull ClientRequest request) {
        ClientCredentials credentials = service.register(request);
        return Response.created(URI.create("/api/v1/gateway/clients/" + credentials.client().clientId()))
                .tag(ETags.of(credentials.client().version()))
                .entity(credentials).build();
    }

    @POST
    @Path("/{clientId}/secret")
    @Operation(operationId = "rotateClientSecret", summary = "Rotate a client's secret",
            description = "Takes no request body: the gateway generates the new secret (one sent is a 400). The old "
                    + "secret stops working at once for new tokens; tokens already issued live until they expire.")
    @APIResponse(responseCode = "200", description = "The new secret, shown only this once",
            content = @Content(schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ClientCredentials.class)))
    public Response rotateSecret(@PathParam("clientId") String clientId,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag from a previous read")
            @HeaderParam("If-Match") String ifMatch, @Context HttpHeaders headers) {
        if (headers.getLength() > 0 || headers.getHeaderString("Transfer-Encoding") != null) {
            // a caller that sends e.g. a secret of its choosing must not believe it was taken
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "Rotating a secret takes no request body; the gateway "
                    + "generates the new secret", List.of(new Problem.FieldError("body", "must be absent")));
        }
        ClientCredentials credentials = service.rotateSecret(clientId, ifMatch);
        return Response.ok(credentials).tag(ETags.of(credentials.client().version())).build();
    }

    @PUT
    @Path("/{clientId}/rate-limit")
    @Operation(operationId = "changeClientRateLimit", summary = "Set or clear a client's own rate limit",
            description = "Applies to tokens issued from now on (at most one token lifetime later).")
    @RequestBody(description = "A null or absent rateLimit clears the client's own limit",
            content = @Content(examples = @ExampleObject(name = "set",
                    value = "{\"rateLimit\": {\"capacity\": 100, \"refillPerSecond\": 50}}")))
    public Response changeRateLimit(@PathParam("clientId") String clientId,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag from a previous read")
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RateLimitChange change) {
        ClientView view = service.changeRateLimit(clientId, change.rateLimit(), ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(operationId = "revokeClient", summary = "Revoke a client",
            description = "It can obtain no new token from now on; the record is kept (status REVOKED) for audit.")
    public Response revoke(@PathParam("clientId") String clientId,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag from a previous read")
            @HeaderParam("If-Match") String ifMatch) {
        ClientView view = service.revoke(clientId, ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }
}

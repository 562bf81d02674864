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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

    @GET
    public Page<ClientView> list(
            @Parameter(description = "Only the clients of this organization") @QueryParam("organizationId") UUID organizationId,
            @Valid @BeanParam PageRequest page) {
        return service.list(organizationId, page.cursor(), page.limit());
    }

    @GET
    @Path("/{clientId}")
    public Response get(@PathParam("clientId") String clientId) {
        ClientView view = service.get(clientId).orElseThrow(() -> ProblemException.notFound("Client", clientId));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @POST
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
    public Response changeRateLimit(@PathParam("clientId") String clientId,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag from a previous read")
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RateLimitChange change) {
        ClientView view = service.changeRateLimit(clientId, change.rateLimit(), ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @DELETE
    @Path("/{clientId}")
    public Response revoke(@PathParam("clientId") String clientId,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag from a previous read")
            @HeaderParam("If-Match") String ifMatch) {
        ClientView view = service.revoke(clientId, ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }
}

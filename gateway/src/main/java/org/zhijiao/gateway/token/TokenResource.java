package org.zhijiao.gateway.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.gateway.client.ApiClient;
import org.zhijiao.gateway.client.ClientService;
import org.zhijiao.gateway.client.SecretHasher;
import org.zhijiao.gateway.proxy.ClientAddresses;

/**
 * OAuth2 client-credentials grant (RFC 6749 §4.4) and the key set the services verify tokens with.
 * Errors here use RFC 6749's {@code {"error": ...}} body, not problem details: that is what every
 * OAuth2 client library parses.
 */
@Path("/oauth2")
@Tag(name = "OAuth2", description = "Tokens for registered clients")
public class TokenResource {

    private static final String BASIC = "Basic ";

    @Inject
    ClientService clients;

    @Inject
    TokenIssuer issuer;

    @Inject
    SigningKeys keys;

    @Inject
    TokenEndpointGuard guard;

    @Inject
    ClientAddresses addresses;

    @Schema(name = "TokenResponse")
    public record TokenResponse(
            @JsonProperty("access_token") @Schema(example = "eyJraWQiOiJ...") String accessToken,
            @JsonProperty("token_type") @Schema(example = "Bearer") String tokenType,
            @JsonProperty("expires_in") @Schema(example = "600") long expiresIn) {
    }

    @Schema(name = "OAuthError")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OAuthError(
            @Schema(example = "invalid_client") String error,
            @JsonProperty("error_description") @Schema(example = "Unknown client, wrong secret or revoked client")
            String errorDescription) {
    }

    @POST
    @Path("/token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "A token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class),
                    examples = @ExampleObject(name = "token",
                            value = "{\"access_token\": \"eyJraWQiOiJ...\", \"token_type\": \"Bearer\", \"expires_in\": 600}")))
    @APIResponse(responseCode = "400", description = "Missing parameter or a grant other than client_credentials",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthError.class),
                    examples = @ExampleObject(name = "unsupported", value = "{\"error\": \"unsupported_grant_type\"}")))
    @APIResponse(responseCode = "401", description = "Unknown client, wrong secret or revoked client",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthError.class),
                    examples = @ExampleObject(name = "invalid", value = "{\"error\": \"invalid_client\"}")))
    @APIResponse(responseCode = "429", description = "Too many token requests from this address or for this client id, "
            + "or the client id is locked out after repeated failures; `Retry-After` says when to try again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthError.class),
                    examples = @ExampleObject(name = "slowDown",
                            value = "{\"error\": \"slow_down\", \"error_description\": \"Too many token requests; retry after 30 s\"}")))
    @APIResponse(responseCode = "503", description = "The gateway is checking too many secrets at once; retry after `Retry-After`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthError.class),
                    examples = @ExampleObject(name = "busy", value = "{\"error\": \"temporarily_unavailable\"}")))
    public Response token(
            @Parameter(description = "Must be client_credentials", example = "client_credentials") @FormParam("grant_type") String grantType,
            @Parameter(description = "When not sent with HTTP Basic") @FormParam("client_id") String clientId,
            @Parameter(description = "When not sent with HTTP Basic") @FormParam("client_secret") String clientSecret,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServerRequest request) {
        OptionalLong addressWait = guard.refuseAddress(addresses.of(request));
        if (addressWait.isPresent()) {
            return retryLater(429, "slow_down", addressWait.getAsLong());
        }
        if (grantType == null || grantType.isBlank()) {
            return error(400, "invalid_request", "grant_type is required");
        }
        if (!"client_credentials".equals(grantType)) {
            return error(400, "unsupported_grant_type", "Only client_credentials is supported");
        }
        Optional<String[]> credentials = basic(authorization).or(() -> clientId == null || clientSecret == null
                ? Optional.empty() : Optional.of(new String[] {clientId, clientSecret}));
        if (credentials.isEmpty()) {
            return error(401, "invalid_client", "Client authentication is required");
        }
        String id = credentials.get()[0];
        OptionalLong clientWait = guard.refuseClient(id);
        if (clientWait.isPresent()) {
            return retryLater(429, "slow_down", clientWait.getAsLong());
        }
        Optional<ApiClient> client;
        try {
            client = clients.authenticate(id, credentials.get()[1]);
        } catch (SecretHasher.Busy busy) {
            return retryLater(503, "temporarily_unavailable", 1);
        }
        if (client.isEmpty()) {
            guard.failed(id);
            return error(401, "invalid_client", "Unknown client, wrong secret or revoked client");
        }
        guard.succeeded(id);
        ApiClient c = client.get();
        TokenIssuer.IssuedToken token = issuer.issue(c.clientId, c.organizationId, c.roleSet(), c.rateLimit());
        return Response.ok(new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds()))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/jwks")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "A JSON Web Key Set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "jwks",
                    value = "{\"keys\": [{\"kty\": \"RSA\", \"kid\": \"8J0v…\", \"use\": \"sig\", \"alg\": \"RS256\", \"n\": \"…\", \"e\": \"AQAB\"}]}")))
    public Response jwks() {
        return Response.ok(keys.jwks()).header("Cache-Control", "public, max-age=300").build();
    }

    private static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Response retryLater(int status, String error, long seconds) {
        return Response.fromResponse(error(status, error, status == 429
                        ? "Too many token requests; retry after " + seconds + " s"
                        : "Too many secret checks at once; retry after " + seconds + " s"))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .build();
    }

    private static Response error(int status, String error, String description) {
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .entity(new OAuthError(error, description));
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"zhijiao\"");
        }
        return response.build();
    }
}

package org.zhijiao.gateway.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.gateway.GatewayConfig;

/**
 * OAuth 2.0 Authorization Server Metadata (RFC 8414), so that partners' OAuth2 libraries find the token
 * endpoint and the keys themselves. It states what {@link TokenResource} really does: the client-credentials
 * grant only, the secret sent with HTTP Basic or in the form, RS256 tokens verifiable with the JWKS.
 */
@Path("/.well-known/oauth-authorization-server")
@Tag(name = "OAuth2", description = "Tokens for registered clients")
public class AuthorizationServerMetadataResource {

    @Inject
    GatewayConfig config;

    @Schema(name = "AuthorizationServerMetadata", description = "RFC 8414 metadata of the gateway's token service")
    public record Metadata(
            @Schema(description = "The gateway's public URL, also the `iss` of the tokens issued here",
                    example = "https://api.zhijiao.example") String issuer,
            @JsonProperty("token_endpoint") @Schema(example = "https://api.zhijiao.example/oauth2/token") String tokenEndpoint,
            @JsonProperty("jwks_uri") @Schema(example = "https://api.zhijiao.example/oauth2/jwks") String jwksUri,
            @JsonProperty("grant_types_supported") @Schema(example = "[\"client_credentials\"]") List<String> grantTypes,
            @JsonProperty("response_types_supported")
            @Schema(description = "Empty: there is no authorization endpoint", example = "[]") List<String> responseTypes,
            @JsonProperty("token_endpoint_auth_methods_supported")
            @Schema(example = "[\"client_secret_basic\", \"client_secret_post\"]") List<String> authMethods,
            @JsonProperty("service_documentation")
            @Schema(description = "The platform's OpenAPI document", example = "https://api.zhijiao.example/openapi.json")
            String serviceDocumentation) {
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The metadata", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Metadata.class), examples = @ExampleObject(name = "metadata", value = """
                    {"issuer": "https://api.zhijiao.example", "token_endpoint": "https://api.zhijiao.example/oauth2/token",
                     "jwks_uri": "https://api.zhijiao.example/oauth2/jwks", "grant_types_supported": ["client_credentials"],
                     "response_types_supported": [],
                     "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
                     "service_documentation": "https://api.zhijiao.example/openapi.json"}""")))
    public Response metadata(@Context UriInfo uri) {
        URI base = config.publicUrl().orElse(uri.getBaseUri());
        String root = base.toString().replaceAll("/+$", "");
        return Response.ok(new Metadata(config.token().issuer(), root + "/oauth2/token", root + "/oauth2/jwks",
                List.of("client_credentials"), List.of(), List.of("client_secret_basic", "client_secret_post"),
                root + "/openapi.json")).header("Cache-Control", "public, max-age=300").build();
    }
}

package org.zhijiao.gateway.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.zhijiao.gateway.ratelimit.Limit;

public final class ClientDtos {

    static final String ROLE_PATTERN = "group-admin|school|enterprise|read-only";

    private ClientDtos() {
    }

    @Schema(name = "ClientRequest")
    public record ClientRequest(
            @Schema(example = "青岛示例智能制造有限公司 ERP（虚构）") @NotBlank @Size(max = 200) String name,
            @Schema(description = "The organization the client acts for (its tokens' `org`)",
                    example = "0190a8f0-0000-7000-8000-000000000042") @NotNull UUID organizationId,
            @Schema(description = "Roles granted to the client", example = "[\"enterprise\"]")
            @NotEmpty @Size(max = 4) Set<@NotNull @Pattern(regexp = ROLE_PATTERN, message = "must be one of " + ROLE_PATTERN) String> roles,
            @Schema(description = "The client's own rate limit; absent means its role class's")
            @Valid Limit rateLimit) {
    }

    @Schema(name = "Client")
    public record ClientView(
            @Schema(example = "0190a8f0-1234-7000-8000-000000000001") String clientId,
            String name,
            UUID organizationId,
            Set<String> roles,
            ClientStatus status,
            Limit rateLimit,
            Instant createdAt,
            Instant secretRotatedAt,
            Instant revokedAt,
            long version) {

        static ClientView of(ApiClient client) {
            return new ClientView(client.clientId, client.name, client.organizationId, client.roleSet(), client.status,
                    client.rateLimit(), client.createdAt, client.secretRotatedAt, client.revokedAt, client.version);
        }
    }

    @Schema(name = "ClientCredentials", description = "The secret is shown this once; only its hash is kept")
    public record ClientCredentials(
            ClientView client,
            @Schema(example = "kV3x0Q6m1b4T9pYzL2sWcR8uN5eH7aJdFgXiOqBtUvA") String clientSecret) {
    }

    @Schema(name = "RateLimitChange")
    public record RateLimitChange(
            @Schema(description = "The new limit; null returns the client to its role class's") @Valid Limit rateLimit) {
    }
}

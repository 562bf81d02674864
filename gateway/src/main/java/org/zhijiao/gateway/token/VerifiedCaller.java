package org.zhijiao.gateway.token;

import java.util.Set;
import java.util.UUID;
import org.zhijiao.gateway.ratelimit.Limit;

/**
 * A caller whose bearer token the gateway verified.
 *
 * @param organizationId null when the token names none
 * @param rateLimit the client's own limit, null for its class default
 * @param authorization the {@code Authorization} header to forward: the caller's own, or for a token of
 *        an external issuer the gateway token it was exchanged for
 * @param expiresAtSecond epoch second at which the token expires
 */
public record VerifiedCaller(String clientId, UUID organizationId, Set<String> roles, Limit rateLimit,
        String authorization, long expiresAtSecond) {
}

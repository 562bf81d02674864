package org.zhijiao.gateway.token;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.zhijiao.commons.security.Caller;
import org.zhijiao.gateway.GatewayConfig;
import org.zhijiao.gateway.ratelimit.Limit;

/** Mints the platform's access tokens exactly as the services verify them (docs/conventions.md, "Identity"). */
@ApplicationScoped
public class TokenIssuer {

    /**
     * The client's own rate limit, when it has one: carried in the token so that every replica applies
     * it without a database read per request. Services ignore the claim.
     */
    public static final String RATE_LIMIT_CLAIM = "rate_limit";

    @Inject
    GatewayConfig config;

    @Inject
    SigningKeys keys;

    public record IssuedToken(String accessToken, long expiresInSeconds) {
    }

    public IssuedToken issue(String clientId, UUID organizationId, Set<String> roles, Limit rateLimit) {
        return issue(clientId, organizationId, roles, rateLimit, config.token().lifetime());
    }

    /** Like {@link #issue(String, UUID, Set, Limit)} but living at most {@code lifetime}. */
    public IssuedToken issue(String clientId, UUID organizationId, Set<String> roles, Limit rateLimit, Duration lifetime) {
        Instant now = Instant.now();
        Duration effective = lifetime.compareTo(config.token().lifetime()) < 0 ? lifetime : config.token().lifetime();
        JwtClaimsBuilder claims = Jwt.issuer(config.token().issuer())
                .audience(config.token().audience())
                .subject(clientId)
                .groups(roles)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(effective));
        if (organizationId != null) {
            claims.claim(Caller.ORG_CLAIM, organizationId.toString());
        }
        if (rateLimit != null) {
            claims.claim(RATE_LIMIT_CLAIM, Map.of("capacity", rateLimit.capacity(), "refill_per_second", rateLimit.refillPerSecond()));
        }
        return new IssuedToken(keys.sign(claims), effective.toSeconds());
    }
}

package org.zhijiao.gateway.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.zhijiao.commons.security.Caller;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.gateway.GatewayConfig;
import org.zhijiao.gateway.ratelimit.Limit;

/**
 * Verifies bearer tokens at the edge, before any service is called: the gateway's own (signature
 * against its published keys, issuer, audience, expiry) and, when configured, an external OIDC
 * issuer's, which are exchanged for a gateway token the services trust. Verified tokens are
 * remembered for a minute (never past their expiry) so that a busy client costs one signature check,
 * not one per request.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);
    private static final Set<String> PLATFORM_ROLES = Set.of(Roles.GROUP_ADMIN, Roles.SCHOOL, Roles.ENTERPRISE, Roles.READ_ONLY);
    private static final String BEARER = "Bearer ";

    @Inject
    GatewayConfig config;

    @Inject
    SigningKeys keys;

    @Inject
    TokenIssuer issuer;

    @Inject
    Vertx vertx;

    private final Cache<String, VerifiedCaller> verified = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    private DefaultJWTParser own;
    private DefaultJWTParser external;

    @PostConstruct
    void init() {
        JWTAuthContextInfo ownContext = new JWTAuthContextInfo();
        ownContext.setPublicKeyContent(keys.jwks());
        ownContext.setIssuedBy(config.token().issuer());
        ownContext.setExpectedAudience(Set.of(config.token().audience()));
        own = new DefaultJWTParser(ownContext);
        GatewayConfig.ExternalIssuer ext = config.external();
        if (ext.issuer().isPresent() && ext.publicKeyLocation().isPresent()) {
            JWTAuthContextInfo context = new JWTAuthContextInfo();
            context.setPublicKeyLocation(ext.publicKeyLocation().get());
            context.setIssuedBy(ext.issuer().get());
            ext.audience().ifPresent(audience -> context.setExpectedAudience(Set.of(audience)));
            context.setGroupsPath(ext.rolesClaim());
            external = new DefaultJWTParser(context);
        }
    }

    /**
     * The caller named by an {@code Authorization} header, or an empty result when it carries no valid
     * token. Runs on the event loop for the gateway's own tokens (CPU only); an external issuer's keys
     * may have to be fetched, so its tokens are checked on a worker thread.
     */
    public Future<Optional<VerifiedCaller>> verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Future.succeededFuture(Optional.empty());
        }
        String token = authorization.substring(BEARER.length()).trim();
        VerifiedCaller known = verified.getIfPresent(token);
        if (known != null && known.expiresAtSecond() > Instant.now().getEpochSecond()) {
            return Future.succeededFuture(Optional.of(known));
        }
        try {
            VerifiedCaller caller = ownCaller(own.parse(token), authorization);
            verified.put(token, caller);
            return Future.succeededFuture(Optional.of(caller));
        } catch (ParseException e) {
            if (external == null) {
                LOG.debugf("Bearer token refused: %s", e.getMessage());
                return Future.succeededFuture(Optional.empty());
            }
        }
        return vertx.executeBlocking(() -> {
            Optional<VerifiedCaller> caller = exchangeExternal(token);
            caller.ifPresent(c -> verified.put(token, c));
            return caller;
        }, false);
    }

    private static VerifiedCaller ownCaller(JsonWebToken jwt, String authorization) {
        return new VerifiedCaller(jwt.getSubject(), organization(jwt.getClaim(Caller.ORG_CLAIM)),
                jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups()), rateLimit(jwt), authorization,
                jwt.getExpirationTime());
    }

    private Optional<VerifiedCaller> exchangeExternal(String token) {
        JsonWebToken jwt;
        try {
            jwt = external.parse(token);
        } catch (ParseException e) {
            LOG.debugf("Bearer token refused by the gateway and the external issuer: %s", e.getMessage());
            return Optional.empty();
        }
        Set<String> roles = jwt.getGroups() == null ? Set.of()
                : jwt.getGroups().stream().filter(PLATFORM_ROLES::contains).collect(Collectors.toUnmodifiableSet());
        UUID organization = organization(jwt.getClaim(config.external().organizationClaim()));
        long now = Instant.now().getEpochSecond();
        TokenIssuer.IssuedToken exchanged = issuer.issue(jwt.getSubject(), organization, roles, null,
                Duration.ofSeconds(Math.max(1, jwt.getExpirationTime() - now)));
        return Optional.of(new VerifiedCaller(jwt.getSubject(), organization, roles, null,
                "Bearer " + exchanged.accessToken(), now + exchanged.expiresInSeconds()));
    }

    private static UUID organization(Object claim) {
        if (claim == null) {
            return null;
        }
        try {
            return UUID.fromString(claim.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Limit rateLimit(JsonWebToken jwt) {
        Object claim = jwt.getClaim(TokenIssuer.RATE_LIMIT_CLAIM);
        if (!(claim instanceof JsonObject limit) || !(limit.get("capacity") instanceof JsonNumber capacity)
                || !(limit.get("refill_per_second") instanceof JsonNumber refill)) {
            return null;
        }
        return new Limit(capacity.intValue(), refill.doubleValue());
    }
}

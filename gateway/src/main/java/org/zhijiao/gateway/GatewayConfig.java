package org.zhijiao.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Everything the gateway is told by its environment; see gateway/README.md for the keys. */
@ConfigMapping(prefix = "zhijiao.gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name (e.g. {@code membership}). */
    Map<String, Upstream> services();

    Tokens token();

    RateLimits rateLimit();

    Bootstrap bootstrap();

    /** An external OIDC issuer (e.g. Keycloak) whose tokens are accepted too. */
    ExternalIssuer external();

    /**
     * Paths (regular expressions, matched against the whole path) that callers without a token may
     * read, e.g. the published annual report. Such requests are forwarded without credentials and
     * rate-limited per remote address with the default limit.
     */
    Optional<List<String>> publicPaths();

    /**
     * Proxies (addresses or CIDR ranges, e.g. the ingress controller's pods) whose {@code Forwarded} /
     * {@code X-Forwarded-For} headers are believed when limits are keyed by the caller's address.
     * Empty: the peer address is the caller.
     */
    Optional<List<String>> trustedProxies();

    /**
     * The gateway's public base URL as partners reach it (e.g. {@code https://api.zhijiao.example}), for the
     * absolute URLs of the OAuth2 metadata. Unset: the URL the request came in on.
     */
    Optional<java.net.URI> publicUrl();

    TokenEndpoint tokenEndpoint();

    interface Upstream {

        /** Base URL, e.g. {@code http://membership-service:8081} (a Kubernetes service name works as is). */
        URI url();

        /** Path prefixes this service owns, e.g. {@code /api/v1/organizations}. */
        List<String> prefixes();

        /** Until the upstream's response headers arrive (connection wait included); then 504. */
        @WithDefault("10s")
        Duration timeout();

        @WithDefault("2s")
        Duration connectTimeout();

        /** Keep-alive connections per gateway replica. */
        @WithDefault("64")
        int maxConnections();

        /**
         * Consecutive transport failures (connection errors, resets) and timeouts that open the breaker.
         * An answer of any status, 503 included, is the service speaking: it does not count.
         */
        @WithDefault("5")
        int breakerFailureThreshold();

        /** How long an open breaker answers 503 before letting one trial request through. */
        @WithDefault("10s")
        Duration breakerOpenFor();

        /**
         * Base URL of the service's management interface, e.g. {@code http://membership-service:9081}, where
         * its OpenAPI document is read ({@code /q/openapi}); unset: only the build-time copy is used.
         */
        Optional<URI> managementUrl();

        /** Build-time copy of the service's spec, used while the service cannot be asked for it. */
        Optional<String> openapiFallback();
    }

    interface Tokens {

        @WithDefault("10m")
        Duration lifetime();

        /**
         * The tokens' {@code iss} and the RFC 8414 issuer: the gateway's public URL, the same value the services
         * verify ({@code zhijiao.jwt.issuer}, which it follows unless set on its own).
         */
        @WithDefault("${zhijiao.jwt.issuer:http://localhost:8080}")
        String issuer();

        @WithDefault("zhijiao")
        String audience();

        /**
         * The public key (PEM) of the signing key used before the current one: still published in the
         * JWKS and still accepted until the tokens it signed have expired.
         */
        Optional<String> previousPublicKeyLocation();
    }

    interface RateLimits {

        /** Limits by role class ({@code group-admin}, {@code school}, {@code enterprise}, {@code read-only}). */
        Map<String, Limit> classes();

        /** For a caller whose roles name no class. */
        @WithDefault("20")
        int defaultCapacity();

        @WithDefault("10")
        double defaultRefillPerSecond();
    }

    interface Limit {

        /** Burst size: requests allowed at once after a quiet period. */
        int capacity();

        /** Sustained rate. */
        double refillPerSecond();
    }

    /** Guards of {@code POST /oauth2/token}, which checks secrets with bcrypt (slow on purpose). */
    interface TokenEndpoint {

        /** Token requests per client id: burst. */
        @WithDefault("10")
        int perClientCapacity();

        @WithDefault("1")
        double perClientRefillPerSecond();

        /** Token requests per source address (see {@code trusted-proxies}): burst. */
        @WithDefault("60")
        int perAddressCapacity();

        @WithDefault("10")
        double perAddressRefillPerSecond();

        /** Consecutive failed authentications of one client id that lock it out for {@code lockout}. */
        @WithDefault("5")
        int failuresBeforeLockout();

        @WithDefault("1m")
        Duration lockout();

        /** Bcrypt checks running at once in this replica; the rest wait up to {@code secret-check-wait}, then 503. */
        @WithDefault("2")
        int concurrentSecretChecks();

        @WithDefault("2s")
        Duration secretCheckWait();
    }

    interface Bootstrap {

        /**
         * The first group-admin client, created at startup when missing. No default: a well-known admin
         * id is half of a guess. In prod both id and secret must be given; outside prod missing ones are
         * generated and logged once.
         */
        Optional<String> clientId();

        /** Its secret (see {@link #clientId()}). */
        Optional<String> clientSecret();

        @WithDefault("00000000-0000-0000-0000-000000000001")
        UUID organizationId();
    }

    interface ExternalIssuer {

        /** The external issuer's {@code iss}; unset means only the gateway's own tokens are accepted. */
        Optional<String> issuer();

        /** Its public key: a JWKS URL or a PEM location. */
        Optional<String> publicKeyLocation();

        Optional<String> audience();

        /** Claim holding the roles, a path with {@code /} (Keycloak: {@code realm_access/roles}). */
        @WithDefault("groups")
        String rolesClaim();

        /** Claim holding the organization id. */
        @WithDefault("org")
        String organizationClaim();
    }
}

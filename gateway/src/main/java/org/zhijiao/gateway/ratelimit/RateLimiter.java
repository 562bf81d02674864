package org.zhijiao.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.gateway.GatewayConfig;

/**
 * Per-client token buckets, in this replica's memory (see gateway/README.md, "Rate limits with several
 * replicas"). A client's limit is its own override when it has one (carried in its token), else the
 * limit of its most privileged role class.
 */
@ApplicationScoped
public class RateLimiter {

    /** Most privileged first: a client holding several roles gets the first class that is configured. */
    private static final List<String> CLASS_ORDER = List.of(Roles.GROUP_ADMIN, Roles.SCHOOL, Roles.ENTERPRISE, Roles.READ_ONLY);

    @Inject
    GatewayConfig config;

    /** Idle buckets are full buckets: forgetting them changes nothing and bounds the memory. */
    private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(1_000_000)
            .build();

    private Limit defaultLimit;

    @PostConstruct
    void init() {
        defaultLimit = new Limit(config.rateLimit().defaultCapacity(), config.rateLimit().defaultRefillPerSecond());
    }

    public Limit limitFor(Set<String> roles, Limit override) {
        if (override != null) {
            return override;
        }
        for (String role : CLASS_ORDER) {
            GatewayConfig.Limit limit = config.rateLimit().classes().get(role);
            if (limit != null && roles.contains(role)) {
                return new Limit(limit.capacity(), limit.refillPerSecond());
            }
        }
        return defaultLimit;
    }

    /**
     * Takes a token from the client's bucket and writes the {@code RateLimit-*} headers (and
     * {@code Retry-After} when refused) on {@code response}. Returns whether the request may pass.
     */
    public boolean admit(String clientId, Limit limit, HttpServerResponse response) {
        TokenBucket.Decision decision = take(clientId, limit);
        response.putHeader("RateLimit-Limit", Integer.toString(decision.limit()));
        response.putHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.putHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            response.putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        }
        return decision.allowed();
    }

    /**
     * Takes a token from the bucket named {@code key} (any namespace, e.g. {@code token-address:10.0.0.7});
     * returns 0 when the request may pass, else the seconds until it may.
     */
    public long secondsUntilAdmitted(String key, Limit limit) {
        return take(key, limit).retryAfterSeconds();
    }

    private TokenBucket.Decision take(String key, Limit limit) {
        TokenBucket bucket = buckets.getIfPresent(key);
        if (bucket == null || !bucket.limit().equals(limit)) {
            bucket = buckets.asMap().compute(key, (id, existing) -> existing != null && existing.limit().equals(limit)
                    ? existing : new TokenBucket(limit, System.nanoTime()));
        }
        return bucket.take(System.nanoTime());
    }
}

package org.zhijiao.gateway.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import org.zhijiao.gateway.GatewayConfig;
import org.zhijiao.gateway.ratelimit.Limit;
import org.zhijiao.gateway.ratelimit.RateLimiter;

/**
 * What {@code POST /oauth2/token} checks before it spends a bcrypt verification: a token bucket per
 * source address and one per client id, and a lock-out of a client id after repeated failures (which
 * turns online guessing of a secret into a few tries a minute). All in this replica's memory, like the
 * proxy's limits. Unknown and known client ids are treated alike, so neither the limits nor the lock-out
 * tell which ids exist.
 */
@ApplicationScoped
public class TokenEndpointGuard {

    @Inject
    GatewayConfig config;

    @Inject
    RateLimiter limiter;

    private Limit perClient;
    private Limit perAddress;
    private Cache<String, Failures> failures;

    @PostConstruct
    void init() {
        GatewayConfig.TokenEndpoint settings = config.tokenEndpoint();
        perClient = new Limit(settings.perClientCapacity(), settings.perClientRefillPerSecond());
        perAddress = new Limit(settings.perAddressCapacity(), settings.perAddressRefillPerSecond());
        // a client id with no failure for a whole lock-out period starts afresh
        failures = Caffeine.newBuilder().expireAfterAccess(settings.lockout()).maximumSize(100_000).build();
    }

    /** Seconds to wait when this address has asked too often; empty when it may go on. */
    public OptionalLong refuseAddress(String address) {
        return refusal(limiter.secondsUntilAdmitted("token-address:" + address, perAddress));
    }

    /** Seconds to wait when this client id is locked out or has asked too often; empty when it may go on. */
    public OptionalLong refuseClient(String clientId) {
        Failures failed = failures.getIfPresent(clientId);
        if (failed != null) {
            long locked = failed.secondsLocked(System.nanoTime());
            if (locked > 0) {
                return OptionalLong.of(locked);
            }
        }
        return refusal(limiter.secondsUntilAdmitted("token-client:" + clientId, perClient));
    }

    public void failed(String clientId) {
        GatewayConfig.TokenEndpoint settings = config.tokenEndpoint();
        failures.get(clientId, id -> new Failures())
                .add(System.nanoTime(), settings.failuresBeforeLockout(), settings.lockout().toNanos());
    }

    public void succeeded(String clientId) {
        failures.invalidate(clientId);
    }

    private static OptionalLong refusal(long seconds) {
        return seconds > 0 ? OptionalLong.of(seconds) : OptionalLong.empty();
    }

    /** Consecutive failures of one client id, and until when it is locked out. */
    private static final class Failures {

        private int count;
        private boolean locked;
        private long lockedUntil;

        synchronized void add(long now, int threshold, long lockoutNanos) {
            count++;
            if (count >= threshold) {
                locked = true;
                lockedUntil = now + lockoutNanos;
                count = 0;
            }
        }

        synchronized long secondsLocked(long now) {
            long left = lockedUntil - now;
            return !locked || left <= 0 ? 0 : Math.max(1, (long) Math.ceil(left / 1e9));
        }
    }
}

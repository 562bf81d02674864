package org.zhijiao.gateway.ratelimit;

/**
 * One client's bucket on this replica. Tokens refill continuously; a request takes one. The lock is
 * per client, held for a few arithmetic operations, so a noisy client only ever contends with itself.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final Limit limit;
    private double tokens;
    private long refilledAt;

    TokenBucket(Limit limit, long now) {
        this.limit = limit;
        this.tokens = limit.capacity();
        this.refilledAt = now;
    }

    Limit limit() {
        return limit;
    }

    synchronized Decision take(long now) {
        tokens = Math.min(limit.capacity(), tokens + (now - refilledAt) / NANOS_PER_SECOND * limit.refillPerSecond());
        refilledAt = now;
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long untilFull = seconds((limit.capacity() - tokens) / limit.refillPerSecond());
        long retryAfter = allowed ? 0 : Math.max(1, seconds((1 - tokens) / limit.refillPerSecond()));
        return new Decision(allowed, limit.capacity(), (long) Math.floor(tokens), untilFull, retryAfter);
    }

    private static long seconds(double seconds) {
        return (long) Math.ceil(seconds);
    }

    /**
     * @param remaining whole requests left right now
     * @param resetSeconds until the bucket is full again ({@code RateLimit-Reset})
     * @param retryAfterSeconds until the next request is allowed; 0 when this one was
     */
    record Decision(boolean allowed, int limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }
}

package org.zhijiao.commons.consumer;

import java.time.Duration;

/**
 * How long a background worker (a consumer, the outbox relay) waits before it tries again: {@code first} after the
 * first failure, then twice the last wait after each further one, never more than {@code max}.
 */
public record Backoff(Duration first, Duration max) {

    /** The wait after one of {@code last}: twice as long, at most {@link #max}. */
    public Duration after(Duration last) {
        Duration doubled = last.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}

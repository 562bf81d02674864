package org.zhijiao.gateway.proxy;

import java.time.Duration;

/**
 * One upstream's breaker: CLOSED until {@code threshold} consecutive failures, then OPEN (refusing at
 * once) for {@code openFor}, then HALF_OPEN letting a single trial through, whose outcome closes or
 * reopens it. Hand-rolled because SmallRye Fault Tolerance guards method calls, while a streamed proxy
 * exchange only learns its outcome in callbacks; the state machine is these few lines.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openForNanos;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    CircuitBreaker(int threshold, Duration openFor) {
        this.threshold = threshold;
        this.openForNanos = openFor.toNanos();
    }

    /** Whether a request may go to the upstream now; in HALF_OPEN only the one trial may. */
    synchronized boolean tryAcquire(long now) {
        if (state == State.OPEN && now - openedAt >= openForNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                boolean first = !trialInFlight;
                trialInFlight = true;
                yield first;
            }
        };
    }

    synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    synchronized void onFailure(long now) {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
            state = State.OPEN;
            openedAt = now;
            trialInFlight = false;
        }
    }

    /** The request that was let through went nowhere (its caller left): frees the trial slot. */
    synchronized void onAbandoned() {
        trialInFlight = false;
    }

    /** Whole seconds until an open breaker lets a trial through (at least 1), for {@code Retry-After}. */
    synchronized long secondsUntilTrial(long now) {
        return Math.max(1, (long) Math.ceil((openedAt + openForNanos - now) / 1e9));
    }

    synchronized State state() {
        return state;
    }
}

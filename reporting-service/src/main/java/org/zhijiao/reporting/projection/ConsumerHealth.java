package org.zhijiao.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while a projection consumer has failed to apply for longer than
 * {@code zhijiao.reporting.consumer.stall-after} (PostgreSQL away, say) or its thread is gone: the
 * figures then stop following the events, and ops should know. It recovers by itself.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {

    @Inject
    ProjectionConsumer consumer;

    @Inject
    Clock clock;

    @ConfigProperty(name = "zhijiao.reporting.consumer.stall-after", defaultValue = "30s")
    Duration stallAfter;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("projection-consumer").up();
        if (!consumer.enabled()) {
            return response.withData("enabled", false).build();
        }
        for (ProjectionConsumer.WorkerState state : consumer.states()) {
            boolean stalled = !state.alive() || state.failingSince() != null
                    && Duration.between(state.failingSince(), clock.instant()).compareTo(stallAfter) > 0;
            response.withData(state.name(), stalled ? "STALLED since " + state.failingSince() + ": " + state.lastError()
                    : state.failingSince() != null ? "RETRYING: " + state.lastError()
                    : "OK, last applied " + state.lastApplied());
            if (stalled) {
                response.down();
            }
        }
        return response.build();
    }
}

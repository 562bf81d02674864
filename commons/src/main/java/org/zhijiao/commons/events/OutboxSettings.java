package org.zhijiao.commons.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the {@link OutboxRelay} works: the keys {@code zhijiao.outbox.*}. */
@ConfigMapping(prefix = "zhijiao.outbox")
public interface OutboxSettings {

    /** Rows read, and sent, in one pass. */
    @WithDefault("500")
    int batchSize();

    /** How often the relay looks for rows when no commit woke it. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** How long one send may take before it counts as failed. */
    @WithDefault("PT30S")
    Duration sendTimeout();

    /** No send starts later than this after a batch began, well inside the transaction holding the lock. */
    @WithDefault("PT15S")
    Duration batchBudget();

    /** Off: nothing is relayed (the rows stay in the outbox). */
    @WithDefault("true")
    boolean enabled();
}

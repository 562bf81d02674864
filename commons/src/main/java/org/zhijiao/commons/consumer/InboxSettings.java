package org.zhijiao.commons.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long the inbox remembers event ids, and how the {@link InboxPurge} forgets them: the keys
 * {@code zhijiao.inbox.*} ({@code purge-interval} and {@code purge-delay} are read by its schedule).
 */
@ConfigMapping(prefix = "zhijiao.inbox")
public interface InboxSettings {

    @WithDefault("P7D")
    Duration retention();

    /** Rows deleted in one short transaction. */
    @WithDefault("1000")
    int purgeBatchSize();

    /** Off for a service that purges its inbox its own way. */
    @WithDefault("true")
    boolean purgeEnabled();
}

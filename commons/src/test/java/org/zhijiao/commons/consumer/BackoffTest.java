package org.zhijiao.commons.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsDoubleUpToTheCeilingAndStayThere() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));
        List<Long> waits = new ArrayList<>();
        Duration wait = backoff.first();
        for (int i = 0; i < 8; i++) {
            waits.add(wait.toMillis());
            wait = backoff.after(wait);
        }
        assertThat(waits).containsExactly(200L, 400L, 800L, 1_600L, 3_200L, 5_000L, 5_000L, 5_000L);
    }

    @Test
    void aCeilingBelowTheFirstWaitHoldsFromTheSecondWaitOn() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(10));
        assertThat(backoff.after(backoff.first())).isEqualTo(Duration.ofSeconds(10));
    }
}

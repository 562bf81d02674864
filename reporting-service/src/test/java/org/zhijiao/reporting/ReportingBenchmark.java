package org.zhijiao.reporting;

import static org.awaitility.Awaitility.await;
import static org.zhijiao.reporting.Events.step;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.events.Topics;

/**
 * On demand only (bench/run.sh): event-to-summary latency under a steady load, and rebuild rate
 * against bulk-writing the same rows straight into PostgreSQL. Prints the figures.
 */
@QuarkusTest
class ReportingBenchmark {

    private static final int RATE = Integer.getInteger("bench.rate", 500);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final String DAY = "2099-06-01";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void benchmark() throws Exception {
        latency();
        rebuild();
    }

    private void latency() throws Exception {
        int total = RATE * SECONDS;
        long[] sentAt = new long[total];
        long[] seenAt = new long[total];
        int base = Api.atEnd("asOf=" + DAY, "otherMembers");
        AtomicBoolean done = new AtomicBoolean();
        Thread poller = new Thread(() -> {
            int seen = 0;
            while (!done.get()) {
                int count = Api.atEnd("asOf=" + DAY, "otherMembers") - base;
                long now = System.nanoTime();
                for (; seen < Math.min(count, total); seen++) {
                    seenAt[seen] = now;
                }
                done.compareAndSet(false, seen >= total);
            }
        });
        poller.start();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / RATE;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            sentAt[i] = System.nanoTime();
            Events.sendAsync(Topics.MEMBERSHIPS, Events.membership(UUID.randomUUID(), UUID.randomUUID(), "OTHER", List.of(),
                    List.of(step("APPLIED", "APPLY", DAY), step("UNDER_REVIEW", "REVIEW", DAY), step("ACTIVE", "APPROVE", DAY))));
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        poller.join(Duration.ofSeconds(120).toMillis());
        done.set(true);
        // the summary counts events in any order; event i is visible once the count reaches i + 1
        double[] ms = new double[total];
        for (int i = 0; i < total; i++) {
            ms[i] = (Math.max(seenAt[i], sentAt[i]) - sentAt[i]) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%nFRESHNESS  %d changes at %.0f/s over %.1f s: event-to-summary p50 %.1f ms, "
                        + "p90 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 < 250 ms)%n", total, total / sendSeconds,
                sendSeconds, ms[total / 2], ms[(int) (total * 0.9)], ms[(int) (total * 0.99)], ms[total - 1]);
    }

    private void rebuild() throws Exception {
        String location = Api.asAdmin().post("/api/v1/projections/rebuilds").then().statusCode(202).extract()
                .header("Location");
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> !"RUNNING".equals(Api.asAdmin().get(location).then().extract().path("state")));
        var rebuild = Api.asAdmin().get(location).then().extract().jsonPath();
        long records = rebuild.getLong("recordsRead");
        double rebuildRate = rebuild.getDouble("recordsPerSecond");

        List<Object[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT topic, aggregate_id, version, event_id, event_type, event_time, "
                        + "data::text, applied_at FROM projection")) {
            while (rs.next()) {
                rows.add(new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6), rs.getString(7), rs.getTimestamp(8)});
            }
        }
        // the same rows, once per record replayed, batch-inserted into a copy of the table
        long inserted = 0;
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE bench_projection (LIKE projection INCLUDING ALL)");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_projection (topic, aggregate_id, "
                    + "version, event_id, event_type, event_time, data, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)")) {
                for (int round = 0; inserted < records; round++) {
                    for (Object[] row : rows) {
                        for (int i = 0; i < row.length; i++) {
                            insert.setObject(i + 1, i == 1 ? row[i] + "#" + round : row[i]);
                        }
                        insert.addBatch();
                        if (++inserted % 2000 == 0) {
                            insert.executeBatch();
                            c.commit();
                        }
                        if (inserted >= records) {
                            break;
                        }
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }
        double bulkRate = inserted / ((System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "REBUILD    %d records replayed at %.0f records/s; bulk insert of the same rows "
                        + "%.0f rows/s; ratio %.2f (target >= 0.5)%n%n", records, rebuildRate, bulkRate,
                rebuildRate / bulkRate);
    }
}

package org.zhijiao.reporting.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The folder's own schedule, which the other tests leave aside (their profile never folds by itself): a
 * folder started with entries pending folds them without being asked and, having caught up, vacuums the
 * pending entries and the counters (whose index-only reads need the visibility map kept current).
 */
@QuarkusTest
class CounterFolderTest {

    private static final LocalDate DAY = LocalDate.of(2031, 5, 17);

    @Inject
    CounterStore counters;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Test
    void foldsByItselfThenVacuumsPendingEntriesAndCounters() throws Exception {
        // a series no figure reads, so that its entries change nothing another test counts
        int series = scalar("""
                INSERT INTO counter_series (figure, dimension, value) VALUES ('folderTest', '', '')
                ON CONFLICT (figure, dimension, value) DO UPDATE SET value = excluded.value RETURNING id""");
        long[] before = buckets(series);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO counter_pending (series, day, entered, exited) VALUES (?, ?, ?, ?)""")) {
            for (long[] entry : new long[][] {{2, 0}, {1, 1}, {0, 1}}) {
                s.setInt(1, series);
                s.setInt(2, (int) DAY.toEpochDay());
                s.setLong(3, entry[0]);
                s.setLong(4, entry[1]);
                s.executeUpdate();
            }
        }
        long vacuumed = manualVacuums("counter");
        long pendingVacuumed = manualVacuums("counter_pending");

        CounterFolder folder = new CounterFolder(counters, dataSource, transactions, new CounterFolder.Settings() {
            @Override
            public long foldRows() {
                return 1000;
            }

            @Override
            public Duration foldInterval() {
                return Duration.ofMillis(200);
            }
        });
        folder.start(null);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> scalar("SELECT count(*) FROM counter_pending WHERE series = "
                    + series) == 0 && manualVacuums("counter") > vacuumed);
        } finally {
            folder.stop(null);
        }
        long[] after = buckets(series);
        String[] parts = {"the day, in its month's row", "the month", "the year"};
        for (int part = 0; part < 3; part++) {
            assertThat(after[2 * part] - before[2 * part]).as("entered, %s", parts[part]).isEqualTo(3);
            assertThat(after[2 * part + 1] - before[2 * part + 1]).as("exited, %s", parts[part]).isEqualTo(2);
        }
        assertThat(manualVacuums("counter_pending")).as("the pending entries vacuumed too").isGreaterThan(pendingVacuumed);
    }

    /** Entered and exited of {@link #DAY} (in its month's row), of its month and of its year. */
    private long[] buckets(int series) throws SQLException {
        long[] sums = new long[6];
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT coalesce(sum(day_entered[?]), 0), coalesce(sum(day_exited[?]), 0), coalesce(sum(entered), 0),
                    coalesce(sum(exited), 0) FROM counter WHERE series = ? AND grain = 1 AND bucket = ?
                UNION ALL
                SELECT 0, 0, coalesce(sum(entered), 0), coalesce(sum(exited), 0) FROM counter
                WHERE series = ? AND grain = 2 AND bucket = ?""")) {
            s.setInt(1, DAY.getDayOfMonth());
            s.setInt(2, DAY.getDayOfMonth());
            s.setInt(3, series);
            s.setInt(4, (int) DAY.withDayOfMonth(1).toEpochDay());
            s.setInt(5, series);
            s.setInt(6, (int) DAY.withDayOfYear(1).toEpochDay());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                sums[0] = rs.getLong(1);
                sums[1] = rs.getLong(2);
                sums[2] = rs.getLong(3);
                sums[3] = rs.getLong(4);
                rs.next();
                sums[4] = rs.getLong(3);
                sums[5] = rs.getLong(4);
            }
        }
        return sums;
    }

    private long manualVacuums(String table) throws SQLException {
        return scalar("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = '" + table + "'");
    }

    private int scalar(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

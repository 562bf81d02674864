package org.zhijiao.reporting.counters;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.zhijiao.commons.consumer.Failures;

/**
 * Folds the pending counter entries into the counters ({@link CounterStore#fold}) on a thread of its
 * own: once {@code fold-rows} entries have been committed since the last fold, and at the latest
 * {@code fold-interval} after one was — unless a tenth of {@code fold-rows} or more arrived in that interval (a
 * backlog is being applied: the fold waits to grow, since a large fold sums more entries into each row). The
 * consumer's batches only append, so they never wait for the
 * counters' shared month and year rows, and a fold sums many batches into one upsert per bucket. A
 * fold that fails (PostgreSQL away) leaves the entries pending and is tried again; reads count pending
 * entries meanwhile, so no figure depends on when a fold runs.
 */
@ApplicationScoped
public class CounterFolder {

    private static final Logger LOG = Logger.getLogger(CounterFolder.class);
    /** Vacuum the pending table after this many folded entries, or once caught up but not more often than this. */
    private static final long VACUUM_AFTER = 200_000;
    private static final Duration CAUGHT_UP_VACUUM_GAP = Duration.ofSeconds(10);
    private final Object signal = new Object();
    private final AtomicLong committed = new AtomicLong();

    /** When to fold ({@code zhijiao.reporting.counters.*}). */
    @ConfigMapping(prefix = "zhijiao.reporting.counters")
    public interface Settings {
        /** Fold once this many entries were committed since the last fold … */
        @WithDefault("300000")
        long foldRows();

        /** … and at the latest this long after one was, unless a tenth of fold-rows or more arrived meanwhile. */
        @WithDefault("1s")
        Duration foldInterval();
    }

    private CounterStore counters;
    private AgroalDataSource dataSource;
    private TransactionSynchronizationRegistry transactions;
    private long foldRows;
    private Duration foldInterval;
    /** Entries folded since the pending table was last vacuumed, and when that was (only the folding thread uses them). */
    private long foldedSinceVacuum;
    private long vacuumedAt;
    private volatile boolean running;
    private Thread thread;

    @Inject
    CounterFolder(CounterStore counters, AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions,
            Settings settings) {
        this.counters = counters;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.foldRows = settings.foldRows();
        this.foldInterval = settings.foldInterval();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        committed.set(1); // entries left pending by the previous run are folded first
        vacuumedAt = System.nanoTime() - CAUGHT_UP_VACUUM_GAP.toNanos();
        thread = new Thread(this::run, "counter-folder");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Counts {@code entries} appended by the current transaction once it commits. */
    public void deferred(int entries) {
        if (entries == 0) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED && committed.addAndGet(entries) >= foldRows) {
                    synchronized (signal) {
                        signal.notifyAll();
                    }
                }
            }
        });
    }

    /** Folds every committed pending entry now, in a transaction of its own; returns how many moved. */
    public int fold() {
        return QuarkusTransaction.requiringNew().timeout(600).call(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock_shared(?)")) {
                    // as a batch does: a rebuild's switch (exclusive) never swaps the tables under a fold
                    s.setLong(1, Tables.SWITCH_LOCK);
                    s.execute();
                }
                return counters.fold(c, Tables.LIVE);
            }
        });
    }

    private void run() {
        while (running) {
            try {
                long before = committed.get();
                synchronized (signal) {
                    if (committed.get() < foldRows) {
                        signal.wait(foldInterval.toMillis());
                    }
                }
                long now = committed.get();
                if (now == 0) {
                    continue;
                }
                // entries arriving at a tenth of fold-rows an interval or more: a backlog is being applied, and a
                // larger fold sums more entries into each row (measured: docs/benchmarks.md, eighth round); live
                // traffic folds every interval, so that few entries stay pending for reads to add up (ninth round)
                if (now < foldRows && now - before >= foldRows / 10) {
                    continue;
                }
                committed.addAndGet(-now);
                long started = System.nanoTime();
                int moved = fold();
                LOG.debugf("Folded %d pending counter entries in %d ms", moved, (System.nanoTime() - started) / 1_000_000);
                vacuumWhenDue(moved);
            } catch (InterruptedException e) {
                // stopping: the loop looks at running
            } catch (RuntimeException e) {
                committed.incrementAndGet(); // still pending: try again at the next interval
                LOG.warnf("Folding the pending counter entries failed (%s); trying again in %s", Failures.rootMessage(e),
                        foldInterval);
            }
        }
    }

    /**
     * Vacuums the pending table after many folds, and once folding has caught up: every folded entry
     * leaves a dead row (and index entry) behind, and until they are gone each read's range scan visits
     * them — measured after a backlog of 2.5 M entries: figure reads 4–5 times slower, for as long as
     * autovacuum (a minute or more) leaves them. Once caught up it vacuums the counters too: reads scan
     * their key's index only (V8) on pages the visibility map says are all-visible, and a fold's updates
     * clear that; the vacuum visits only the pages changed since the last one.
     */
    private void vacuumWhenDue(int moved) {
        foldedSinceVacuum += moved;
        boolean caughtUp = moved < foldRows && System.nanoTime() - vacuumedAt > CAUGHT_UP_VACUUM_GAP.toNanos();
        if (foldedSinceVacuum == 0 || foldedSinceVacuum < VACUUM_AFTER && !caughtUp) {
            return;
        }
        String tables = caughtUp ? Tables.LIVE.pending() + ", " + Tables.LIVE.counter() : Tables.LIVE.pending();
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM " + tables);
            LOG.debugf("Vacuumed %s (%d entries folded since the last time) in %d ms", tables, foldedSinceVacuum,
                    (System.nanoTime() - started) / 1_000_000);
            foldedSinceVacuum = 0;
            vacuumedAt = System.nanoTime();
        } catch (SQLException e) {
            LOG.warnf("Vacuuming %s failed (%s); autovacuum will", tables, Failures.rootMessage(e));
        }
    }
}

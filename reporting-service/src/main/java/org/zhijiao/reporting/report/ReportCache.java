package org.zhijiao.reporting.report;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.zhijiao.commons.problem.ProblemException;

/**
 * Reports and pages already assembled, per year, language and revision of the figures
 * ({@code figures_revision}, +1 with every applied batch, rebuild switch, dataset and data load: {@link #stale}): a repeated
 * request between two changes costs one tiny query. At most {@link #CAPACITY} entries, least recently used out.
 */
@ApplicationScoped
public class ReportCache {

    static final int CAPACITY = 64;

    @Inject
    AgroalDataSource dataSource;

    private final Map<String, Object> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The cached value for the key at the current revision, else what {@code make} gives (then cached). */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> make) {
        String versioned = key + "@" + revision();
        synchronized (entries) {
            Object cached = entries.get(versioned);
            if (cached != null) {
                return (T) cached;
            }
        }
        T made = make.get();
        synchronized (entries) {
            entries.put(versioned, made);
        }
        return made;
    }

    /**
     * The assembled reports are stale from now on (the figures, a dataset or a data load changed): +1 to
     * the revision, in the caller's transaction, so a report never outlives the change it missed.
     */
    public static void stale(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE figures_revision SET revision = revision + 1")) {
            s.executeUpdate();
        }
    }

    /** {@link #stale(Connection)} for a caller in a JTA transaction: the connection is the transaction's. */
    public void stale() {
        try (Connection c = dataSource.getConnection()) {
            stale(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Marking the reports stale failed", e);
        }
    }

    public long revision() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT revision FROM figures_revision");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw ProblemException.unavailable("The report cannot be read now (the reporting database does not answer); retry shortly", e);
        }
    }
}

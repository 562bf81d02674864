package org.zhijiao.reporting.counters;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;
import org.zhijiao.reporting.counters.Deltas.Name;
import org.zhijiao.reporting.counters.Spans.Series;

/**
 * Writes counter deltas and reads cumulative counts on the caller's connection. Series are written
 * by their integer id ({@code counter_series}); the ids this replica has seen are kept in memory —
 * one entry per figure and slice value, so the map is bounded by the catalogue and the reference
 * data, not by the number of aggregates.
 */
@ApplicationScoped
public class CounterStore {

    private static final int CHUNK = 5000;

    private final Map<Name, Integer> ids = new ConcurrentHashMap<>();

    @Inject
    AgroalDataSource dataSource;

    /**
     * Adds the deltas to the counters directly (a rebuild's catch-up into its shadow tables, their only
     * writer), in primary-key order. Stripe 0: reads sum the stripes that lanes wrote before the
     * pending entries (V7) took their place.
     */
    public void write(Connection c, Tables tables, Deltas deltas) throws SQLException {
        long[][] rows = rows(deltas);
        int n = rows.length;
        if (n == 0) {
            return;
        }
        String sql = """
                INSERT INTO %1$s (series, grain, bucket, stripe, entered, exited)
                SELECT u.s, u.g, u.b, 0, u.e, u.x FROM unnest(?::int4[], ?::int2[], ?::int4[], ?::int8[], ?::int8[])
                    AS u(s, g, b, e, x)
                ON CONFLICT (series, grain, bucket, stripe) DO UPDATE
                SET entered = %1$s.entered + excluded.entered, exited = %1$s.exited + excluded.exited
                """.formatted(tables.counter());
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int from = 0; from < n; from += CHUNK) {
                int size = Math.min(n, from + CHUNK) - from;
                Integer[] series = new Integer[size];
                Short[] grain = new Short[size];
                Integer[] bucket = new Integer[size];
                Long[] entered = new Long[size];
                Long[] exited = new Long[size];
                for (int i = 0; i < size; i++) {
                    long[] row = rows[from + i];
                    series[i] = (int) row[0];
                    grain[i] = (short) row[1];
                    bucket[i] = (int) row[2];
                    entered[i] = row[3];
                    exited[i] = row[4];
                }
                s.setArray(1, c.createArrayOf("int4", series));
                s.setArray(2, c.createArrayOf("int2", grain));
                s.setArray(3, c.createArrayOf("int4", bucket));
                s.setArray(4, c.createArrayOf("int8", entered));
                s.setArray(5, c.createArrayOf("int8", exited));
                s.executeUpdate();
            }
        }
    }

    /**
     * Appends the deltas' day entries to the pending table (the live path) with COPY: no key to look up,
     * no row shared with other batches; {@link #fold} moves them into the counters'
     * day, month and year buckets later, and reads add them meanwhile. Returns how many it appended.
     */
    public int defer(Connection c, Tables tables, Deltas deltas) throws SQLException {
        return copyDays(c, tables.pending(), deltas);
    }

    /** COPYs the deltas' day entries, with their month's and year's epoch days, into a table shaped as counter_pending. */
    private int copyDays(Connection c, String table, Deltas deltas) throws SQLException {
        StringBuilder text = new StringBuilder(deltas.size() * 40);
        int n = 0;
        for (long[] row : rows(deltas)) {
            if (row[1] != Deltas.DAY) {
                continue;
            }
            LocalDate date = LocalDate.ofEpochDay(row[2]);
            text.append(row[0]).append('\t').append(row[2]).append('\t').append(date.withDayOfMonth(1).toEpochDay())
                    .append('\t').append(date.withDayOfYear(1).toEpochDay()).append('\t').append(row[3]).append('\t')
                    .append(row[4]).append('\n');
            n++;
        }
        if (n > 0) {
            copy(c, "COPY %s (series, day, month, year, entered, exited) FROM STDIN".formatted(table), text);
        }
        return n;
    }

    /**
     * Moves every pending entry committed so far into the counters' day, month and year buckets (stripe
     * 0), summed per bucket — one upsert per bucket for all the batches since the last fold. Entries a
     * concurrent batch is still adding are not visible to the delete and wait for the next fold; a
     * concurrent fold on another replica deletes (and adds) each entry only once. Returns the entries moved.
     */
    public int fold(Connection c, Tables tables) throws SQLException {
        return rollUp(c, "DELETE FROM %s RETURNING *".formatted(tables.pending()), tables.counter());
    }

    /**
     * Adds the day entries {@code source} yields (rows shaped as counter_pending) to {@code counter}'s
     * day, month and year buckets, summed per bucket, one upsert each in key order; returns how many
     * entries it read.
     */
    private static int rollUp(Connection c, String source, String counter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                WITH entries AS (%2$s),
                added AS (
                    INSERT INTO %1$s (series, grain, bucket, stripe, entered, exited)
                    SELECT series, grain, bucket, 0, sum(entered), sum(exited) FROM (
                        SELECT series, 0::int2 AS grain, day AS bucket, entered, exited FROM entries
                        UNION ALL SELECT series, 1::int2, month, entered, exited FROM entries
                        UNION ALL SELECT series, 2::int2, year, entered, exited FROM entries) buckets
                    GROUP BY series, grain, bucket HAVING sum(entered) <> 0 OR sum(exited) <> 0 ORDER BY 1, 2, 3
                    ON CONFLICT (series, grain, bucket, stripe) DO UPDATE
                    SET entered = %1$s.entered + excluded.entered, exited = %1$s.exited + excluded.exited)
                SELECT count(*) FROM entries""".formatted(counter, source));
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * The deltas as rows {series id, grain, bucket, entered, exited} in primary-key order, the series
     * named first where this replica has not seen them.
     */
    private long[][] rows(Deltas deltas) {
        List<Name> names = new ArrayList<>(deltas.size());
        List<long[]> changed = new ArrayList<>(deltas.size());
        deltas.forEachRow((name, grain, bucket, entered, exited) -> {
            names.add(name);
            changed.add(new long[] {0, grain, bucket, entered, exited});
        });
        if (changed.isEmpty()) {
            return new long[0][];
        }
        resolve(new HashSet<>(names));
        for (int i = 0; i < names.size(); i++) {
            changed.get(i)[0] = ids.get(names.get(i));
        }
        long[][] rows = changed.toArray(long[][]::new);
        Arrays.sort(rows, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
        return rows;
    }

    /**
     * Starts a bulk count on {@code c} (a rebuild counting everything into empty counters): the deltas
     * of {@link #append} go to a temporary table with COPY — no key lookups, no rows updated over and
     * over as the same day buckets come up again — and {@link #finishBulk} adds their sums to the
     * counters once. The table is the transaction's own and goes with it.
     */
    public void beginBulk(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE counter_bulk (LIKE counter_pending) ON COMMIT DROP");
        }
    }

    /** Appends the deltas' day entries to the bulk count {@link #beginBulk} started on {@code c}. */
    public void append(Connection c, Deltas deltas) throws SQLException {
        copyDays(c, "counter_bulk", deltas);
    }

    private static void copy(Connection c, String copy, StringBuilder rows) throws SQLException {
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("Copying rows failed: " + copy, e);
        }
    }

    /** Adds the bulk count's sums to the counters, one row per bucket, and ends it. */
    public void finishBulk(Connection c, Tables tables) throws SQLException {
        rollUp(c, "SELECT * FROM counter_bulk", tables.counter());
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE counter_bulk");
        }
    }

    /**
     * Makes sure every named series has its id, creating the missing ones in a transaction of their
     * own: committed at once, so an id this replica remembers always exists, whatever becomes of the
     * batch that needed it.
     */
    private void resolve(Set<Name> names) {
        Set<Name> missing = new HashSet<>();
        for (Name name : names) {
            if (!ids.containsKey(name)) {
                missing.add(name);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<Name> sorted = missing.stream().sorted(Comparator.comparing(Name::figure).thenComparing(Name::dimension)
                .thenComparing(Name::value)).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement insert = c.prepareStatement("""
                            INSERT INTO counter_series (figure, dimension, value)
                            SELECT * FROM unnest(?::text[], ?::text[], ?::text[]) ON CONFLICT DO NOTHING""");
                    PreparedStatement select = c.prepareStatement("""
                            SELECT s.id, s.figure, s.dimension, s.value FROM counter_series s
                            JOIN unnest(?::text[], ?::text[], ?::text[]) AS n(f, d, v)
                              ON s.figure = n.f AND s.dimension = n.d AND s.value = n.v""")) {
                for (PreparedStatement s : List.of(insert, select)) {
                    s.setArray(1, c.createArrayOf("text", sorted.stream().map(Name::figure).toArray()));
                    s.setArray(2, c.createArrayOf("text", sorted.stream().map(Name::dimension).toArray()));
                    s.setArray(3, c.createArrayOf("text", sorted.stream().map(Name::value).toArray()));
                }
                insert.executeUpdate();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.put(new Name(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getInt(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Naming counter series failed", e);
            }
        });
    }

    /** Entities that came in and went out up to a day, summed over all days up to it. */
    public record Cumulative(long entered, long exited) {
        public long count() {
            return entered - exited;
        }
    }

    /**
     * For each figure and series: the cumulative counts on {@code before} (cells[0]) and on {@code end} (cells[1]),
     * {@code before} earlier than {@code end}. The count up to a day is the count before the next day, {@code x}:
     * the year buckets before {@code x}'s year, the month buckets of that year before {@code x}'s month, the day
     * buckets of that month before {@code x}, and the entries still pending before {@code x}. Both days come from
     * one statement that scans, per series, only the ranges that hold something: the year buckets once for both
     * days, the month and day ranges once when both days share them, and the pending entries once. A period of
     * whole years is then two range scans a series (years and pending), of whole months three; any period
     * needs at most six.
     */
    public Map<String, Map<Series, Cumulative[]>> cumulative(Connection c, List<String> figures, LocalDate before,
            LocalDate end) throws SQLException {
        Map<String, Map<Series, Cumulative[]>> result = new HashMap<>();
        if (end.isBefore(Spans.ORIGIN)) {
            return result;
        }
        LocalDate last = end.isAfter(Spans.LAST) ? Spans.LAST : end;
        LocalDate first = before.isAfter(last) ? last : before;
        Ranges ranges = new Ranges(first.plusDays(1), last.plusDays(1));
        // a plain join leaves the planner free to scan the whole table, and it does once the table is large:
        // one series at a time (a lateral), each range an index scan
        String sql = """
                SELECT s.figure, s.dimension, s.value, x.entered_first, x.exited_first, x.entered_last, x.exited_last
                FROM counter_series s CROSS JOIN LATERAL (
                    SELECT sum(entered) FILTER (WHERE first) AS entered_first, sum(exited) FILTER (WHERE first) AS exited_first,
                        sum(entered) FILTER (WHERE last) AS entered_last, sum(exited) FILTER (WHERE last) AS exited_last
                    FROM (%s) b
                ) x
                WHERE s.figure = ANY(?) AND x.entered_last IS NOT NULL""".formatted(ranges.sql());
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 0;
            for (int value : ranges.parameters()) {
                s.setInt(++i, value);
            }
            s.setArray(++i, c.createArrayOf("text", figures.toArray(String[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(
                            new Series(rs.getString(2), rs.getString(3)), new Cumulative[] {
                                new Cumulative(rs.getLong(4), rs.getLong(5)), new Cumulative(rs.getLong(6), rs.getLong(7))});
                }
            }
        }
        return result;
    }

    /**
     * The range scans that sum a series up to (not including) two days {@code a} ≤ {@code b}: each branch yields
     * a bucket's counts and whether they count before {@code a} (first) and before {@code b} (last).
     */
    static final class Ranges {
        private final List<String> branches = new ArrayList<>();
        private final List<Integer> parameters = new ArrayList<>();

        Ranges(LocalDate a, LocalDate b) {
            int yearA = (int) a.withDayOfYear(1).toEpochDay();
            int monthA = (int) a.withDayOfMonth(1).toEpochDay();
            int dayA = (int) a.toEpochDay();
            int yearB = (int) b.withDayOfYear(1).toEpochDay();
            int monthB = (int) b.withDayOfMonth(1).toEpochDay();
            int dayB = (int) b.toEpochDay();
            // years: everything before b's year, the part before a's year counts for a too
            branch("counter n WHERE n.series = s.id AND n.grain = 2 AND n.bucket < ?", "n.bucket < ?", yearA, true,
                    yearB);
            buckets(1, yearA, monthA, yearB, monthB);
            buckets(0, monthA, dayA, monthB, dayB);
            branch("counter_pending n WHERE n.series = s.id AND n.day < ?", "n.day < ?", dayA, true, dayB);
        }

        /**
         * The buckets of a grain from {@code fromA} before {@code toA} (for a) and from {@code fromB} before
         * {@code toB} (for b): one scan when both start alike (a's range is then the start of b's), else one
         * per range that holds anything.
         */
        private void buckets(int grain, int fromA, int toA, int fromB, int toB) {
            String range = "counter n WHERE n.series = s.id AND n.grain = " + grain
                    + " AND n.bucket >= ? AND n.bucket < ?";
            if (fromA == fromB) {
                if (toB > fromB) {
                    branch(range, "n.bucket < ?", toA, true, fromB, toB);
                }
                return;
            }
            if (toA > fromA) {
                branch(range, "true", null, false, fromA, toA);
            }
            if (toB > fromB) {
                branch(range, "false", null, true, fromB, toB);
            }
        }

        /**
         * A scan of {@code from} within {@code bounds}; its rows count for a where {@code forA} holds (a condition
         * with one parameter, {@code aBound}, or a constant), for b all or none.
         */
        private void branch(String from, String forA, Integer aBound, boolean forB, int... bounds) {
            branches.add("SELECT n.entered, n.exited, " + forA + " AS first, " + forB + " AS last FROM " + from);
            if (aBound != null) {
                parameters.add(aBound);
            }
            for (int bound : bounds) {
                parameters.add(bound);
            }
        }

        String sql() {
            return String.join("\n    UNION ALL\n", branches);
        }

        List<Integer> parameters() {
            return parameters;
        }
    }

    /** One day's changes of one series. */
    public record DayChange(String value, LocalDate day, long entered, long exited) {
    }

    /**
     * The day buckets of some values of a figure's dimension from {@code from} through {@code to}, in
     * day order, the stripes summed.
     */
    public List<DayChange> days(Connection c, String figure, String dimension, Collection<String> values, LocalDate from,
            LocalDate to) throws SQLException {
        List<DayChange> changes = new ArrayList<>();
        if (values.isEmpty()) {
            return changes;
        }
        try (PreparedStatement s = c.prepareStatement("""
                SELECT s.value, n.bucket, sum(n.entered), sum(n.exited) FROM counter_series s CROSS JOIN LATERAL (
                    SELECT bucket, entered, exited FROM counter c
                    WHERE c.series = s.id AND c.grain = 0 AND c.bucket >= ? AND c.bucket <= ?
                    UNION ALL
                    SELECT day, entered, exited FROM counter_pending p
                    WHERE p.series = s.id AND p.day >= ? AND p.day <= ?) n
                WHERE s.figure = ? AND s.dimension = ? AND s.value = ANY(?)
                GROUP BY s.value, n.bucket
                ORDER BY n.bucket""")) {
            int first = (int) (from.isBefore(Spans.ORIGIN) ? Spans.ORIGIN : from).toEpochDay();
            int last = (int) (to.isAfter(Spans.LAST) ? Spans.LAST : to).toEpochDay();
            s.setInt(1, first);
            s.setInt(2, last);
            s.setInt(3, first);
            s.setInt(4, last);
            s.setString(5, figure);
            s.setString(6, dimension);
            s.setArray(7, c.createArrayOf("text", values.toArray(String[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    changes.add(new DayChange(rs.getString(1), LocalDate.ofEpochDay(rs.getInt(2)), rs.getLong(3),
                            rs.getLong(4)));
                }
            }
        }
        return changes;
    }
}

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
import org.jboss.logging.Logger;
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

    private static final Logger LOG = Logger.getLogger(CounterStore.class);

    private final Map<Name, Integer> ids = new ConcurrentHashMap<>();

    @Inject
    AgroalDataSource dataSource;

    /**
     * Adds the deltas to the counters directly (a rebuild's count and catch-up into its shadow tables, their
     * only writer), rolled up into month and year rows.
     */
    public void write(Connection c, Tables tables, Deltas deltas) throws SQLException {
        RollUp rollUp = new RollUp();
        forEachRow(deltas, (series, day, entered, exited) -> rollUp.add(series, Math.toIntExact(day), entered, exited));
        upsert(c, rollUp, tables.counter());
    }

    /**
     * Appends the deltas' day entries to the pending table (the live path) with COPY: no key to look up,
     * no row shared with other batches; {@link #fold} moves them into the counters' month and year rows
     * later, and reads add them meanwhile. Returns how many it appended.
     */
    public int defer(Connection c, Tables tables, Deltas deltas) throws SQLException {
        return copyDays(c, tables.pending(), deltas);
    }

    /** COPYs the deltas' day entries into a table shaped as counter_pending. */
    private int copyDays(Connection c, String table, Deltas deltas) throws SQLException {
        int days = deltas.size();
        StringBuilder text = new StringBuilder(days * 24);
        forEachRow(deltas, (series, day, entered, exited) -> text.append(series).append('\t').append(day).append('\t')
                .append(entered).append('\t').append(exited).append('\n'));
        if (days > 0) {
            copy(c, "COPY %s (series, day, entered, exited) FROM STDIN".formatted(table), text);
        }
        return days;
    }

    /**
     * Moves every pending entry committed so far into the counters' month rows (their days) and year rows,
     * summed per row — one upsert per row for all the batches since the last fold. Entries a concurrent batch
     * is still adding are not visible to the delete and wait for the next fold; a concurrent fold on another
     * replica deletes (and adds) each entry only once. Returns the entries moved.
     */
    public int fold(Connection c, Tables tables) throws SQLException {
        return rollUp(c, """
                WITH entries AS (DELETE FROM %s RETURNING series, day, entered, exited)
                SELECT series, day, sum(entered)::int8, sum(exited)::int8, count(*) FROM entries
                GROUP BY series, day ORDER BY series, day""".formatted(tables.pending()), tables.counter());
    }

    /**
     * Adds the day entries {@code source} yields — (series, day, entered, exited, how many entries), one row a
     * series and day, in that order — to {@code counter}'s month and year rows; returns how many entries it read.
     */
    private static int rollUp(Connection c, String source, String counter) throws SQLException {
        long started = System.nanoTime();
        RollUp rollUp = new RollUp();
        long entries = 0;
        int days = 0;
        try (PreparedStatement s = c.prepareStatement(source)) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rollUp.add(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getLong(4));
                    entries += rs.getLong(5);
                    days++;
                }
            }
        }
        long read = System.nanoTime();
        upsert(c, rollUp, counter);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Rolled %d entries (%d series days) up into %d rows of %s: read %d ms, staged and upserted %d ms",
                    entries, days, rollUp.rows, counter, (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        }
        return Math.toIntExact(entries);
    }

    /**
     * Adds rolled-up rows to {@code counter}: COPYs them into a staging table of this session (created on first
     * use, emptied after each use), then upserts them in key order, a month's days added element by element.
     */
    private static void upsert(Connection c, RollUp rollUp, String counter) throws SQLException {
        rollUp.finish();
        if (rollUp.rows == 0) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TEMPORARY TABLE IF NOT EXISTS counter_staged (series int4, grain int2, bucket int4, entered int8,
                        exited int8, day_entered int4[], day_exited int4[])""");
            copy(c, "COPY counter_staged FROM STDIN", rollUp.copy);
            s.executeUpdate("""
                    INSERT INTO %1$s AS t (series, grain, bucket, entered, exited, day_entered, day_exited)
                    SELECT * FROM counter_staged ORDER BY series, grain, bucket
                    ON CONFLICT (series, grain, bucket) DO UPDATE
                    SET entered = t.entered + excluded.entered, exited = t.exited + excluded.exited,
                        day_entered = %2$s, day_exited = %3$s""".formatted(counter, RollUp.added("day_entered"),
                    RollUp.added("day_exited")));
            s.execute("TRUNCATE counter_staged");
        }
    }

    /**
     * Rolls day entries, given in (series, day) order, up into the counters' rows as COPY text: per series and
     * month a month row (grain 1: the month's totals and its days' counts, day of month 1..31), per series and
     * year a year row (grain 2: totals, no days).
     */
    static final class RollUp {
        static final int MONTH = 1;
        static final int YEAR = 2;
        final StringBuilder copy = new StringBuilder();
        int rows;
        private int series = -1;
        private int month;
        private int year;
        private final long[] monthCounts = new long[2];
        private final long[] yearCounts = new long[2];
        private final int[] dayEntered = new int[31];
        private final int[] dayExited = new int[31];
        private boolean monthChanged;

        void add(int series, int day, long entered, long exited) {
            LocalDate date = LocalDate.ofEpochDay(day);
            int monthStart = day - date.getDayOfMonth() + 1;
            int yearStart = day - date.getDayOfYear() + 1;
            if (series != this.series || monthStart != month) {
                flushMonth();
            }
            if (series != this.series || yearStart != year) {
                flushYear();
            }
            this.series = series;
            month = monthStart;
            year = yearStart;
            int i = date.getDayOfMonth() - 1;
            dayEntered[i] = Math.addExact(dayEntered[i], Math.toIntExact(entered));
            dayExited[i] = Math.addExact(dayExited[i], Math.toIntExact(exited));
            monthChanged |= entered != 0 || exited != 0;
            monthCounts[0] += entered;
            monthCounts[1] += exited;
            yearCounts[0] += entered;
            yearCounts[1] += exited;
        }

        void finish() {
            flushMonth();
            flushYear();
            series = -1;
        }

        private void flushMonth() {
            if (monthChanged) {
                row(MONTH, month, monthCounts);
                copy.append('\t');
                array(dayEntered);
                copy.append('\t');
                array(dayExited);
                copy.append('\n');
            }
            Arrays.fill(dayEntered, 0);
            Arrays.fill(dayExited, 0);
            monthCounts[0] = 0;
            monthCounts[1] = 0;
            monthChanged = false;
        }

        private void flushYear() {
            if (yearCounts[0] != 0 || yearCounts[1] != 0) {
                row(YEAR, year, yearCounts);
                copy.append("\t\\N\t\\N\n");
            }
            yearCounts[0] = 0;
            yearCounts[1] = 0;
        }

        private void row(int grain, int bucket, long[] counts) {
            copy.append(series).append('\t').append(grain).append('\t').append(bucket).append('\t').append(counts[0])
                    .append('\t').append(counts[1]);
            rows++;
        }

        private void array(int[] counts) {
            copy.append('{');
            for (int i = 0; i < counts.length; i++) {
                if (i > 0) {
                    copy.append(',');
                }
                copy.append(counts[i]);
            }
            copy.append('}');
        }

        /**
         * The existing row's days plus the staged row's, element by element, for month rows ({@code t}: the
         * counter, {@code excluded}: the staged row); year rows have none. Written out: measured, it is several
         * times cheaper than an SQL function over the arrays.
         */
        static String added(String column) {
            StringBuilder sum = new StringBuilder("CASE WHEN t.grain = 1 THEN ARRAY[");
            for (int i = 1; i <= 31; i++) {
                sum.append(i > 1 ? ", " : "").append("t.%1$s[%2$d] + excluded.%1$s[%2$d]".formatted(column, i));
            }
            return sum.append("] END").toString();
        }
    }

    /** The deltas' changing days in (series, day) order, the series named first where this replica has not seen them. */
    private void forEachRow(Deltas deltas, Deltas.Row row) {
        resolve(new HashSet<>(deltas.series()));
        deltas.forEachRow(ids::get, row);
    }

    private static void copy(Connection c, String copy, StringBuilder rows) throws SQLException {
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("Copying rows failed: " + copy, e);
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
     * the year rows before {@code x}'s year, the month rows of that year before {@code x}'s month, the days of
     * {@code x}'s month before {@code x} (from its month row), and the entries still pending before {@code x}.
     * Both days come from one statement that scans, per series, only the ranges that hold something: the year rows
     * once for both days, the month rows once when both days lie in one year, a month row's days only for a day
     * that is not the first of its month, and the pending entries once. A period of whole years is then two range
     * scans a series (years and pending), of whole months three; any period needs at most six.
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
            int yearB = (int) b.withDayOfYear(1).toEpochDay();
            int monthB = (int) b.withDayOfMonth(1).toEpochDay();
            // years: everything before b's year, the part before a's year counts for a too
            branch("n", "counter n WHERE n.series = s.id AND n.grain = 2 AND n.bucket < ?", "n.bucket < ?", yearA, true,
                    yearB);
            months(yearA, monthA, yearB, monthB);
            days(monthA, a.getDayOfMonth() - 1, monthB, b.getDayOfMonth() - 1);
            branch("n", "counter_pending n WHERE n.series = s.id AND n.day < ?", "n.day < ?", (int) a.toEpochDay(), true,
                    (int) b.toEpochDay());
        }

        /**
         * The month rows from {@code fromA} before {@code toA} (for a) and from {@code fromB} before {@code toB} (for
         * b): one scan when both start alike (a's range is then the start of b's), else one per range that holds
         * anything.
         */
        private void months(int fromA, int toA, int fromB, int toB) {
            String range = "counter n WHERE n.series = s.id AND n.grain = 1 AND n.bucket >= ? AND n.bucket < ?";
            if (fromA == fromB) {
                if (toB > fromB) {
                    branch("n", range, "n.bucket < ?", toA, true, fromB, toB);
                }
                return;
            }
            if (toA > fromA) {
                branch("n", range, "true", null, false, fromA, toA);
            }
            if (toB > fromB) {
                branch("n", range, "false", null, true, fromB, toB);
            }
        }

        /**
         * The first {@code daysA} days of month row {@code monthA} (for a) and the first {@code daysB} of
         * {@code monthB} (for b): one row's days when both months are one, else one row per month with days to count.
         */
        private void days(int monthA, int daysA, int monthB, int daysB) {
            String row = "counter n CROSS JOIN LATERAL unnest(n.day_entered[1:?], n.day_exited[1:?]) WITH ORDINALITY "
                    + "AS d(entered, exited, i) WHERE n.series = s.id AND n.grain = 1 AND n.bucket = ?";
            if (monthA == monthB) {
                if (daysB > 0) {
                    branch("d", row, "d.i <= ?", daysA, true, daysB, daysB, monthB);
                }
                return;
            }
            if (daysA > 0) {
                branch("d", row, "true", null, false, daysA, daysA, monthA);
            }
            if (daysB > 0) {
                branch("d", row, "false", null, true, daysB, daysB, monthB);
            }
        }

        /**
         * The counts ({@code counts}.entered, .exited) of {@code from} within {@code bounds}; they count for a where
         * {@code forA} holds (a condition with one parameter, {@code aBound}, or a constant), for b all or none.
         */
        private void branch(String counts, String from, String forA, Integer aBound, boolean forB, int... bounds) {
            branches.add("SELECT %1$s.entered, %1$s.exited, %2$s AS first, %3$s AS last FROM %4$s".formatted(counts,
                    forA, forB, from));
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
     * The days on which some values of a figure's dimension changed, from {@code from} through {@code to}, in
     * day order: the days of their month rows and the entries still pending, summed.
     */
    public List<DayChange> days(Connection c, String figure, String dimension, Collection<String> values, LocalDate from,
            LocalDate to) throws SQLException {
        List<DayChange> changes = new ArrayList<>();
        if (values.isEmpty()) {
            return changes;
        }
        try (PreparedStatement s = c.prepareStatement("""
                SELECT s.value, n.day, sum(n.entered), sum(n.exited) FROM counter_series s CROSS JOIN LATERAL (
                    SELECT c.bucket + d.i::int4 - 1 AS day, d.entered, d.exited FROM counter c
                    CROSS JOIN LATERAL unnest(c.day_entered, c.day_exited) WITH ORDINALITY AS d(entered, exited, i)
                    WHERE c.series = s.id AND c.grain = 1 AND c.bucket >= ? AND c.bucket <= ?
                        AND (d.entered <> 0 OR d.exited <> 0) AND c.bucket + d.i::int4 - 1 BETWEEN ? AND ?
                    UNION ALL
                    SELECT day, entered, exited FROM counter_pending p
                    WHERE p.series = s.id AND p.day >= ? AND p.day <= ?) n
                WHERE s.figure = ? AND s.dimension = ? AND s.value = ANY(?)
                GROUP BY s.value, n.day
                ORDER BY n.day""")) {
            LocalDate firstDay = from.isBefore(Spans.ORIGIN) ? Spans.ORIGIN : from;
            int first = (int) firstDay.toEpochDay();
            int last = (int) (to.isAfter(Spans.LAST) ? Spans.LAST : to).toEpochDay();
            int i = 0;
            for (int bound : new int[] {(int) firstDay.withDayOfMonth(1).toEpochDay(), last, first, last, first, last}) {
                s.setInt(++i, bound);
            }
            s.setString(++i, figure);
            s.setString(++i, dimension);
            s.setArray(++i, c.createArrayOf("text", values.toArray(String[]::new)));
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

package org.zhijiao.reporting.counters;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zhijiao.reporting.counters.Deltas.Key;
import org.zhijiao.reporting.counters.Spans.Series;

/** Writes counter deltas and reads cumulative counts; plain JDBC on the caller's connection. */
public final class CounterStore {

    private static final int CHUNK = 5000;

    private CounterStore() {
    }

    /** Adds the deltas to the counters, in primary-key order. */
    public static void write(Connection c, Tables tables, Deltas deltas) throws SQLException {
        List<Map.Entry<Key, long[]>> rows = deltas.rows();
        String sql = """
                INSERT INTO %1$s (figure, grain, bucket, dimension, value, entered, exited)
                SELECT f, g, DATE '1970-01-01' + b, d, v, e, x
                FROM unnest(?::text[], ?::int2[], ?::int4[], ?::text[], ?::text[], ?::int8[], ?::int8[]) AS t(f, g, b, d, v, e, x)
                ON CONFLICT (figure, grain, bucket, dimension, value) DO UPDATE
                SET entered = %1$s.entered + excluded.entered, exited = %1$s.exited + excluded.exited
                """.formatted(tables.figureCount());
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Map.Entry<Key, long[]>> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                int n = chunk.size();
                String[] f = new String[n];
                Short[] g = new Short[n];
                Integer[] b = new Integer[n];
                String[] d = new String[n];
                String[] v = new String[n];
                Long[] e = new Long[n];
                Long[] x = new Long[n];
                for (int i = 0; i < n; i++) {
                    Key k = chunk.get(i).getKey();
                    f[i] = k.figure();
                    g[i] = k.grain();
                    b[i] = (int) k.bucket();
                    d[i] = k.dimension();
                    v[i] = k.value();
                    e[i] = chunk.get(i).getValue()[0];
                    x[i] = chunk.get(i).getValue()[1];
                }
                s.setArray(1, c.createArrayOf("text", f));
                s.setArray(2, c.createArrayOf("int2", g));
                s.setArray(3, c.createArrayOf("int4", b));
                s.setArray(4, c.createArrayOf("text", d));
                s.setArray(5, c.createArrayOf("text", v));
                s.setArray(6, c.createArrayOf("int8", e));
                s.setArray(7, c.createArrayOf("int8", x));
                s.executeUpdate();
            }
        }
    }

    /** Entities that came in and went out up to a day, summed over all days up to it. */
    public record Cumulative(long entered, long exited) {
        public static final Cumulative ZERO = new Cumulative(0, 0);

        public long count() {
            return entered - exited;
        }
    }

    /**
     * For each figure and series: the cumulative counts on each of the given days. Reads the year
     * buckets before the day's year, the month buckets of its year before its month and the day
     * buckets of its month up to it: at most (years + 11 + 31) rows per series and day.
     */
    public static Map<String, Map<Series, Cumulative[]>> cumulative(Connection c, List<String> figures,
            List<LocalDate> days) throws SQLException {
        Map<String, Map<Series, Cumulative[]>> result = new HashMap<>();
        String sql = """
                SELECT figure, dimension, value, sum(entered), sum(exited) FROM figure_count
                WHERE figure = ANY(?) AND (
                    (grain = 2 AND bucket < ?) OR (grain = 1 AND bucket >= ? AND bucket < ?)
                    OR (grain = 0 AND bucket >= ? AND bucket <= ?))
                GROUP BY figure, dimension, value""";
        Array names = c.createArrayOf("text", figures.toArray(String[]::new));
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < days.size(); i++) {
                LocalDate day = days.get(i);
                if (day.isBefore(Spans.ORIGIN)) {
                    continue;
                }
                if (day.isAfter(Spans.LAST)) {
                    day = Spans.LAST;
                }
                LocalDate year = day.withDayOfYear(1);
                LocalDate month = day.withDayOfMonth(1);
                s.setArray(1, names);
                s.setObject(2, year);
                s.setObject(3, year);
                s.setObject(4, month);
                s.setObject(5, month);
                s.setObject(6, day);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Cumulative[] cells = result.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                                .computeIfAbsent(new Series(rs.getString(2), rs.getString(3)),
                                        k -> zeros(days.size()));
                        cells[i] = new Cumulative(rs.getLong(4), rs.getLong(5));
                    }
                }
            }
        }
        return result;
    }

    private static Cumulative[] zeros(int n) {
        Cumulative[] cells = new Cumulative[n];
        java.util.Arrays.fill(cells, Cumulative.ZERO);
        return cells;
    }

    /** One day's changes of one series. */
    public record DayChange(String value, LocalDate day, long entered, long exited) {
    }

    /** The day buckets of a figure's dimension from {@code from} through {@code to}, in day order. */
    public static List<DayChange> days(Connection c, String figure, String dimension, LocalDate from, LocalDate to)
            throws SQLException {
        List<DayChange> changes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT value, bucket, entered, exited FROM figure_count
                WHERE figure = ? AND grain = 0 AND bucket >= ? AND bucket <= ? AND dimension = ?
                ORDER BY bucket""")) {
            s.setString(1, figure);
            s.setObject(2, from.isBefore(Spans.ORIGIN) ? Spans.ORIGIN : from);
            s.setObject(3, to.isAfter(Spans.LAST) ? Spans.LAST : to);
            s.setString(4, dimension);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    changes.add(new DayChange(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
                            rs.getLong(4)));
                }
            }
        }
        return changes;
    }
}

package org.zhijiao.reporting.counters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zhijiao.reporting.counters.Spans.Changes;
import org.zhijiao.reporting.counters.Spans.Series;

/**
 * What a batch changes in the counters, summed before it reaches the database: per figure, series
 * and day, entries and exits, already rolled up into the month and year buckets.
 */
public final class Deltas {

    public static final short DAY = 0;
    public static final short MONTH = 1;
    public static final short YEAR = 2;

    /** A counter row's key: figure, grain, bucket (epoch day) and series. */
    public record Key(String figure, short grain, long bucket, String dimension, String value) {
    }

    /** Summed in a hash map (cheap per change). */
    private final Map<Key, long[]> rows = new HashMap<>();

    /** Adds (sign +1) or takes back (sign −1) one entity's changes in a figure. */
    public void add(String figure, Map<Series, Changes> spans, int sign) {
        spans.forEach((series, changes) -> {
            for (long day : changes.entered()) {
                add(figure, series, day, sign, 0);
            }
            for (long day : changes.exited()) {
                add(figure, series, day, 0, sign);
            }
        });
    }

    private void add(String figure, Series series, long day, long entered, long exited) {
        LocalDate date = LocalDate.ofEpochDay(day);
        bump(new Key(figure, DAY, day, series.dimension(), series.value()), entered, exited);
        bump(new Key(figure, MONTH, date.withDayOfMonth(1).toEpochDay(), series.dimension(), series.value()),
                entered, exited);
        bump(new Key(figure, YEAR, date.withDayOfYear(1).toEpochDay(), series.dimension(), series.value()),
                entered, exited);
    }

    private void bump(Key key, long entered, long exited) {
        long[] counts = rows.computeIfAbsent(key, k -> new long[2]);
        counts[0] += entered;
        counts[1] += exited;
    }

    /** Adds another batch of deltas to these. */
    public void addAll(Deltas other) {
        other.rows.forEach((key, counts) -> bump(key, counts[0], counts[1]));
    }

    /** The rows that change something (the writer orders them by its table's key). */
    public List<Map.Entry<Key, long[]>> rows() {
        List<Map.Entry<Key, long[]>> changed = new ArrayList<>();
        for (Map.Entry<Key, long[]> row : rows.entrySet()) {
            if (row.getValue()[0] != 0 || row.getValue()[1] != 0) {
                changed.add(row);
            }
        }
        return changed;
    }

    public int size() {
        return rows.size();
    }

    public void clear() {
        rows.clear();
    }
}

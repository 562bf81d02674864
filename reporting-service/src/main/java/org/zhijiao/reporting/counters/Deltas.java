package org.zhijiao.reporting.counters;

import java.util.HashMap;
import java.util.Map;
import org.zhijiao.reporting.counters.Spans.Changes;
import org.zhijiao.reporting.counters.Spans.Series;

/**
 * What a batch changes in the counters, summed before it reaches the database: per series (figure,
 * slice dimension, value) and day, entries and exits. The counters' month and year rows are rolled up
 * from them when they are written ({@link CounterStore}). Two levels — a series, then its days — so
 * adding a day costs a lookup of a {@code long}, not of a three-field key.
 */
public final class Deltas {

    /** A series' name: figure, slice dimension and value ({@code "" / ""}: the total). */
    public record Name(String figure, String dimension, String value) {
    }

    /** One day's change of a series. */
    @FunctionalInterface
    public interface Row {
        void accept(Name series, long day, long entered, long exited);
    }

    /** Per series: epoch day → entered, exited. */
    private final Map<Name, Map<Long, long[]>> rows = new HashMap<>();
    private int size;

    /** Adds (sign +1) or takes back (sign −1) one entity's changes in a figure. */
    public void add(String figure, Map<Series, Changes> spans, int sign) {
        spans.forEach((series, changes) -> {
            Map<Long, long[]> days = rows.computeIfAbsent(new Name(figure, series.dimension(), series.value()),
                    k -> new HashMap<>());
            for (long day : changes.entered()) {
                bump(days, day, sign, 0);
            }
            for (long day : changes.exited()) {
                bump(days, day, 0, sign);
            }
        });
    }

    private void bump(Map<Long, long[]> days, long day, long entered, long exited) {
        long[] counts = days.get(day);
        if (counts == null) {
            counts = new long[2];
            days.put(day, counts);
            size++;
        }
        counts[0] += entered;
        counts[1] += exited;
    }

    /** Adds another batch of deltas to these. */
    public void addAll(Deltas other) {
        other.rows.forEach((name, days) -> {
            Map<Long, long[]> mine = rows.computeIfAbsent(name, k -> new HashMap<>());
            days.forEach((day, counts) -> bump(mine, day, counts[0], counts[1]));
        });
    }

    /** Every day that changes something (the writer orders them by its table's key). */
    public void forEachRow(Row row) {
        rows.forEach((name, days) -> days.forEach((day, counts) -> {
            if (counts[0] != 0 || counts[1] != 0) {
                row.accept(name, day, counts[0], counts[1]);
            }
        }));
    }

    /** How many rows (changing or not) are held. */
    public int size() {
        return size;
    }

    public void clear() {
        rows.clear();
        size = 0;
    }
}

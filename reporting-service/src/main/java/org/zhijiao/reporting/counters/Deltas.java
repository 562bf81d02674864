package org.zhijiao.reporting.counters;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.zhijiao.reporting.counters.Spans.Changes;
import org.zhijiao.reporting.counters.Spans.Series;

/**
 * What a batch changes in the counters, summed before it reaches the database: per series (figure,
 * slice dimension, value) and bucket, entries and exits — rolled up into the month and year buckets
 * when written to the counters directly, by day only as pending entries. Two levels — a series, then
 * its buckets by a number — so adding a day costs up to three lookups of a {@code long}, not of a
 * five-field key.
 */
public final class Deltas {

    public static final short DAY = 0;
    public static final short MONTH = 1;
    public static final short YEAR = 2;

    /** A series' name: figure, slice dimension and value ({@code "" / ""}: the total). */
    public record Name(String figure, String dimension, String value) {
    }

    /** One counter row's change. */
    @FunctionalInterface
    public interface Row {
        void accept(Name series, short grain, long bucket, long entered, long exited);
    }

    /** Per series: bucket (epoch day × 4 + grain) → entered, exited. */
    private final Map<Name, Map<Long, long[]>> rows = new HashMap<>();
    private final boolean rolledUp;
    private int size;

    /** Deltas at day grain rolled up into their month and year buckets, for writing the counters directly. */
    public Deltas() {
        this(true);
    }

    private Deltas(boolean rolledUp) {
        this.rolledUp = rolledUp;
    }

    /** Deltas at day grain only: pending entries, which the fold rolls up ({@link CounterStore#fold}). */
    public static Deltas ofDays() {
        return new Deltas(false);
    }

    /** Adds (sign +1) or takes back (sign −1) one entity's changes in a figure. */
    public void add(String figure, Map<Series, Changes> spans, int sign) {
        spans.forEach((series, changes) -> {
            Map<Long, long[]> buckets = rows.computeIfAbsent(new Name(figure, series.dimension(), series.value()),
                    k -> new HashMap<>());
            for (long day : changes.entered()) {
                add(buckets, day, sign, 0);
            }
            for (long day : changes.exited()) {
                add(buckets, day, 0, sign);
            }
        });
    }

    private void add(Map<Long, long[]> buckets, long day, long entered, long exited) {
        bump(buckets, key(DAY, day), entered, exited);
        if (rolledUp) {
            LocalDate date = LocalDate.ofEpochDay(day);
            bump(buckets, key(MONTH, day - date.getDayOfMonth() + 1), entered, exited);
            bump(buckets, key(YEAR, day - date.getDayOfYear() + 1), entered, exited);
        }
    }

    private static long key(short grain, long bucket) {
        return bucket * 4 + grain;
    }

    private void bump(Map<Long, long[]> buckets, long key, long entered, long exited) {
        long[] counts = buckets.get(key);
        if (counts == null) {
            counts = new long[2];
            buckets.put(key, counts);
            size++;
        }
        counts[0] += entered;
        counts[1] += exited;
    }

    /** Adds another batch of deltas to these. */
    public void addAll(Deltas other) {
        other.rows.forEach((name, buckets) -> {
            Map<Long, long[]> mine = rows.computeIfAbsent(name, k -> new HashMap<>());
            buckets.forEach((key, counts) -> bump(mine, key, counts[0], counts[1]));
        });
    }

    /** Every row that changes something (the writer orders them by its table's key). */
    public void forEachRow(Row row) {
        rows.forEach((name, buckets) -> buckets.forEach((key, counts) -> {
            if (counts[0] != 0 || counts[1] != 0) {
                row.accept(name, (short) Math.floorMod(key, 4), Math.floorDiv(key, 4), counts[0], counts[1]);
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

package org.zhijiao.reporting.counters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.zhijiao.reporting.counters.Spans.Changes;
import org.zhijiao.reporting.counters.Spans.Series;

/**
 * What a batch changes in the counters, summed before it reaches the database: per series (figure,
 * slice dimension, value) and day, entries and exits. The counters' month and year rows are rolled up
 * from them when they are written ({@link CounterStore}).
 *
 * <p>A series holds its days in blocks of {@value #BLOCK} consecutive days, one {@code int} array of
 * entries then exits each: adding a day costs one lookup of its block, and adding another batch's deltas
 * one lookup a block (a block this one lacks is taken over as it is). So a rebuild can sum every entity's
 * changes in memory — a day a dozen bytes where the days are dense — and write each counter row once.
 */
public final class Deltas {

    /** Days a block holds: block {@code b} holds the epoch days {@code b * BLOCK} to {@code b * BLOCK + BLOCK - 1}. */
    private static final int BLOCK = 16;

    /** A series' name: figure, slice dimension and value ({@code "" / ""}: the total). */
    public record Name(String figure, String dimension, String value) {
    }

    /** One day's change of a series, the series given by its id. */
    @FunctionalInterface
    public interface Row {
        void accept(int series, long day, long entered, long exited);
    }

    /** Per series: block number → its days' entries (0 until {@code BLOCK}) and exits (from {@code BLOCK}). */
    private final Map<Name, Map<Long, int[]>> rows = new HashMap<>();

    /** Adds (sign +1) or takes back (sign −1) one entity's changes in a figure. */
    public void add(String figure, Map<Series, Changes> spans, int sign) {
        spans.forEach((series, changes) -> {
            Map<Long, int[]> blocksOf = rows.computeIfAbsent(new Name(figure, series.dimension(), series.value()),
                    k -> new HashMap<>());
            for (long day : changes.entered()) {
                bump(blocksOf, day, 0, sign);
            }
            for (long day : changes.exited()) {
                bump(blocksOf, day, BLOCK, sign);
            }
        });
    }

    /** Adds {@code sign} to a day's entries ({@code half} 0) or exits ({@code half} {@value #BLOCK}). */
    private static void bump(Map<Long, int[]> blocksOf, long day, int half, int sign) {
        int[] block = blocksOf.computeIfAbsent(Math.floorDiv(day, BLOCK), number -> new int[2 * BLOCK]);
        int i = half + Math.floorMod(day, BLOCK);
        block[i] = Math.addExact(block[i], sign);
    }

    /** Adds another batch of deltas to these; {@code other} must not be used afterwards (its blocks may be taken). */
    public void addAll(Deltas other) {
        other.rows.forEach((name, theirs) -> {
            Map<Long, int[]> mine = rows.computeIfAbsent(name, k -> new HashMap<>());
            theirs.forEach((number, block) -> mine.merge(number, block, (existing, added) -> {
                for (int i = 0; i < existing.length; i++) {
                    existing[i] = Math.addExact(existing[i], added[i]);
                }
                return existing;
            }));
        });
    }

    private static int changing(int[] block) {
        int changing = 0;
        for (int i = 0; i < BLOCK; i++) {
            if (block[i] != 0 || block[BLOCK + i] != 0) {
                changing++;
            }
        }
        return changing;
    }

    /** The series with a day that changes something. */
    public List<Name> series() {
        return changingSeries().stream().map(Map.Entry::getKey).toList();
    }

    private List<Map.Entry<Name, Map<Long, int[]>>> changingSeries() {
        return rows.entrySet().stream().filter(e -> e.getValue().values().stream().anyMatch(b -> changing(b) > 0))
                .toList();
    }

    /**
     * Every day that changes something, in (series id, day) order, the series numbered by {@code ids} (asked
     * only for the {@link #series()} that change).
     */
    public void forEachRow(ToIntFunction<Name> ids, Row row) {
        List<Map.Entry<Name, Map<Long, int[]>>> series = changingSeries();
        int[] id = new int[series.size()];
        Integer[] order = new Integer[series.size()];
        for (int s = 0; s < id.length; s++) {
            id[s] = ids.applyAsInt(series.get(s).getKey());
            order[s] = s;
        }
        Arrays.sort(order, Comparator.comparingInt(s -> id[s]));
        for (int s : order) {
            Map<Long, int[]> blocksOf = series.get(s).getValue();
            long[] numbers = blocksOf.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
            for (long number : numbers) {
                int[] block = blocksOf.get(number);
                for (int i = 0; i < BLOCK; i++) {
                    if (block[i] != 0 || block[BLOCK + i] != 0) {
                        row.accept(id[s], number * BLOCK + i, block[i], block[BLOCK + i]);
                    }
                }
            }
        }
    }

    /** How many days change something (counted when asked: a sum of every block). */
    public int size() {
        int days = 0;
        for (Map<Long, int[]> series : rows.values()) {
            for (int[] block : series.values()) {
                days += changing(block);
            }
        }
        return days;
    }

    /** How many blocks of days are held: what these deltas take of the heap, about {@code 200} bytes each. */
    public int blocks() {
        int blocks = 0;
        for (Map<Long, int[]> series : rows.values()) {
            blocks += series.size();
        }
        return blocks;
    }

    public void clear() {
        rows.clear();
    }
}

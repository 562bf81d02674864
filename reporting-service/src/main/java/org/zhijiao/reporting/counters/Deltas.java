package org.zhijiao.reporting.counters;

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
 * <p>A series holds its days in blocks of {@value #BLOCK} consecutive days, packed into one {@code int}
 * array (a block's entries, then its exits) and found by an open-addressing table of block numbers: adding a
 * day costs one probe, and adding another batch's deltas one probe a block (a series this one lacks is taken
 * over as it is). A rebuild sums every entity's changes in memory and writes each counter row once; however
 * many days it holds, a series is a handful of arrays, so the collector neither copies nor traces them day by
 * day.
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

    private final Map<Name, Blocks> rows = new HashMap<>();

    /** Adds (sign +1) or takes back (sign −1) one entity's changes in a figure. */
    public void add(String figure, Map<Series, Changes> spans, int sign) {
        spans.forEach((series, changes) -> {
            Blocks blocks = rows.computeIfAbsent(new Name(figure, series.dimension(), series.value()),
                    k -> new Blocks());
            for (long day : changes.entered()) {
                blocks.bump(day, 0, sign);
            }
            for (long day : changes.exited()) {
                blocks.bump(day, BLOCK, sign);
            }
        });
    }

    /** Adds another batch of deltas to these; {@code other} must not be used afterwards (its series may be taken). */
    public void addAll(Deltas other) {
        other.rows.forEach((name, theirs) -> rows.merge(name, theirs, Blocks::addAll));
    }

    /** The series with a day that changes something. */
    public List<Name> series() {
        return changingSeries().stream().map(Map.Entry::getKey).toList();
    }

    private List<Map.Entry<Name, Blocks>> changingSeries() {
        return rows.entrySet().stream().filter(e -> e.getValue().changingDays() > 0).toList();
    }

    /**
     * Every day that changes something, in (series id, day) order, the series numbered by {@code ids} (asked
     * only for the {@link #series()} that change).
     */
    public void forEachRow(ToIntFunction<Name> ids, Row row) {
        List<Map.Entry<Name, Blocks>> series = changingSeries();
        int[] id = new int[series.size()];
        Integer[] order = new Integer[series.size()];
        for (int s = 0; s < id.length; s++) {
            id[s] = ids.applyAsInt(series.get(s).getKey());
            order[s] = s;
        }
        Arrays.sort(order, Comparator.comparingInt(s -> id[s]));
        for (int s : order) {
            int seriesId = id[s];
            series.get(s).getValue().forEachDay((day, entered, exited) -> row.accept(seriesId, day, entered, exited));
        }
    }

    /** How many days change something (counted when asked: a sum over every block). */
    public int size() {
        int days = 0;
        for (Blocks blocks : rows.values()) {
            days += blocks.changingDays();
        }
        return days;
    }

    /** How many blocks of days are held: what these deltas take of the heap, about {@code 150} bytes each. */
    public int blocks() {
        int blocks = 0;
        for (Blocks series : rows.values()) {
            blocks += series.count;
        }
        return blocks;
    }

    public void clear() {
        rows.clear();
    }

    /** One series' blocks: their numbers in the order added, their days packed alike, and a table to find them. */
    private static final class Blocks {

        private static final int WIDTH = 2 * BLOCK;

        private long[] numbers = new long[4];
        private int[] days = new int[4 * WIDTH];
        /** Open addressing: a block's index + 1 at the first free slot from its number's hash; 0 is free. */
        private int[] table = new int[8];
        private int count;

        /** Adds {@code sign} to a day's entries ({@code half} 0) or exits ({@code half} {@value #BLOCK}). */
        void bump(long day, int half, int sign) {
            int i = index(Math.floorDiv(day, BLOCK)) * WIDTH + half + (int) Math.floorMod(day, BLOCK);
            days[i] = Math.addExact(days[i], sign);
        }

        /** Adds {@code other}'s days to these; returns this. */
        Blocks addAll(Blocks other) {
            for (int b = 0; b < other.count; b++) {
                int at = index(other.numbers[b]) * WIDTH;
                int from = b * WIDTH;
                for (int i = 0; i < WIDTH; i++) {
                    days[at + i] = Math.addExact(days[at + i], other.days[from + i]);
                }
            }
            return this;
        }

        /** The index of block {@code number}, added (all zeros) when absent. */
        private int index(long number) {
            int mask = table.length - 1;
            for (int slot = hash(number) & mask; ; slot = (slot + 1) & mask) {
                int entry = table[slot];
                if (entry == 0) {
                    return add(number, slot);
                }
                if (numbers[entry - 1] == number) {
                    return entry - 1;
                }
            }
        }

        private int add(long number, int slot) {
            if (count == numbers.length) {
                numbers = Arrays.copyOf(numbers, 2 * count);
                days = Arrays.copyOf(days, 2 * count * WIDTH);
            }
            numbers[count] = number;
            table[slot] = ++count;
            if (2 * count > table.length) {
                rehash();
            }
            return count - 1;
        }

        private void rehash() {
            table = new int[2 * table.length];
            int mask = table.length - 1;
            for (int b = 0; b < count; b++) {
                int slot = hash(numbers[b]) & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = b + 1;
            }
        }

        private static int hash(long number) {
            long h = number * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }

        int changingDays() {
            int changing = 0;
            for (int b = 0; b < count; b++) {
                for (int i = b * WIDTH; i < b * WIDTH + BLOCK; i++) {
                    if (days[i] != 0 || days[i + BLOCK] != 0) {
                        changing++;
                    }
                }
            }
            return changing;
        }

        /** Every day that changes something, in day order. */
        void forEachDay(Day day) {
            long[] sorted = Arrays.copyOf(numbers, count);
            Arrays.sort(sorted);
            for (long number : sorted) {
                int at = index(number) * WIDTH;
                for (int i = 0; i < BLOCK; i++) {
                    if (days[at + i] != 0 || days[at + BLOCK + i] != 0) {
                        day.accept(number * BLOCK + i, days[at + i], days[at + BLOCK + i]);
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface Day {
        void accept(long day, long entered, long exited);
    }
}

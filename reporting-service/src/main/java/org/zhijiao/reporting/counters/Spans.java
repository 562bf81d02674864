package org.zhijiao.reporting.counters;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zhijiao.commons.web.SaneDates;
import org.zhijiao.reporting.summary.Item;

/**
 * The days one entity counts in a figure, per series (the total and every slice value it falls
 * under): the union of its items' timelines, as day-by-day transitions. An entity in on day D and
 * out on D+1 exits on D+1; two adjacent stretches are one. Days are epoch days; the counters can
 * tell days from {@link #ORIGIN} to {@link #LAST}: every date the platform accepts ({@link SaneDates}).
 */
public final class Spans {

    public static final LocalDate ORIGIN = SaneDates.MIN;
    public static final LocalDate LAST = SaneDates.MAX;
    private static final long ORIGIN_DAY = ORIGIN.toEpochDay();
    private static final long LAST_DAY = LAST.toEpochDay();

    /** A figure's series: a slice value, or the total ({@code "" / ""}). */
    public record Series(String dimension, String value) {
        public static final Series TOTAL = new Series("", "");
    }

    private Spans() {
    }

    /** For the items of one entity: every series it falls under → the days it came in and went out. */
    public static Map<Series, Changes> of(List<Item> items) {
        // series → which of the entity's items it counts (a bit per item); most series share their set
        Map<Series, BitSet> bySeries = new LinkedHashMap<>();
        BitSet all = new BitSet();
        all.set(0, items.size());
        bySeries.put(Series.TOTAL, all);
        for (int i = 0; i < items.size(); i++) {
            for (Map.Entry<String, Set<String>> slice : items.get(i).slices().entrySet()) {
                for (String value : slice.getValue()) {
                    bySeries.computeIfAbsent(new Series(slice.getKey(), value), s -> new BitSet()).set(i);
                }
            }
        }
        Map<BitSet, Changes> computed = new HashMap<>();
        Map<Series, Changes> spans = new HashMap<>();
        bySeries.forEach((series, which) -> {
            Changes changes = computed.computeIfAbsent(which, w -> changes(w.stream().mapToObj(items::get).toList()));
            if (!changes.isEmpty()) {
                spans.put(series, changes);
            }
        });
        return spans;
    }

    /** The days an entity came in and went out, in epoch days, each sorted. */
    public record Changes(long[] entered, long[] exited) {

        boolean isEmpty() {
            return entered.length == 0 && exited.length == 0;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Changes c && Arrays.equals(entered, c.entered) && Arrays.equals(exited, c.exited);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(entered) * 31 + Arrays.hashCode(exited);
        }
    }

    private static Changes changes(List<Item> items) {
        long[] days = items.stream().flatMap(item -> item.timeline().changes()).mapToLong(LocalDate::toEpochDay)
                .filter(d -> d > ORIGIN_DAY && d <= LAST_DAY).sorted().distinct().toArray();
        long[] entered = new long[days.length + 1];
        long[] exited = new long[days.length + 1];
        int in = 0;
        int out = 0;
        boolean previous = false;
        for (int i = -1; i < days.length; i++) {
            long day = i < 0 ? ORIGIN_DAY : days[i];
            boolean current = inAny(items, LocalDate.ofEpochDay(day));
            if (current && !previous) {
                entered[in++] = day;
            } else if (!current && previous) {
                exited[out++] = day;
            }
            previous = current;
        }
        return new Changes(Arrays.copyOf(entered, in), Arrays.copyOf(exited, out));
    }

    private static boolean inAny(List<Item> items, LocalDate day) {
        for (Item item : items) {
            if (item.timeline().in(day)) {
                return true;
            }
        }
        return false;
    }
}

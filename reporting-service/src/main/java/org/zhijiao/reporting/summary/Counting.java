package org.zhijiao.reporting.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.zhijiao.reporting.summary.SummaryDtos.Counts;
import org.zhijiao.reporting.summary.SummaryDtos.FigureCounts;

/**
 * Counts the distinct entities of a figure over a period: in at its start (the day before
 * {@code from}), in at its end ({@code to}), and how often one came in or went out in between, judged
 * day by day. Hence always {@code atEnd = atStart + new − exited}.
 */
final class Counting {

    private Counting() {
    }

    static FigureCounts figure(List<Item> items, List<String> dimensions, LocalDate from, LocalDate to) {
        Map<String, Map<String, Counts>> slices = new LinkedHashMap<>();
        for (String dimension : dimensions) {
            TreeSet<String> values = new TreeSet<>();
            items.forEach(item -> values.addAll(item.slices().getOrDefault(dimension, Set.of())));
            Map<String, Counts> byValue = new TreeMap<>();
            for (String value : values) {
                Counts counts = count(items.stream()
                        .filter(item -> item.slices().getOrDefault(dimension, Set.of()).contains(value))
                        .toList(), from, to);
                if (!counts.isZero()) {
                    byValue.put(value, counts);
                }
            }
            slices.put(dimension, byValue);
        }
        Counts total = count(items, from, to);
        return new FigureCounts(total.atStart(), total.atEnd(), total.entered(), total.exited(), slices);
    }

    static Counts count(List<Item> items, LocalDate from, LocalDate to) {
        Map<String, List<Item>> byEntity = new LinkedHashMap<>();
        items.forEach(item -> byEntity.computeIfAbsent(item.entity(), e -> new ArrayList<>()).add(item));
        LocalDate before = from.minusDays(1);
        long atStart = 0;
        long atEnd = 0;
        long entered = 0;
        long exited = 0;
        for (List<Item> entityItems : byEntity.values()) {
            boolean previous = in(entityItems, before);
            atStart += previous ? 1 : 0;
            TreeSet<LocalDate> days = new TreeSet<>();
            entityItems.forEach(item -> item.timeline().changes()
                    .filter(day -> !day.isBefore(from) && !day.isAfter(to)).forEach(days::add));
            for (LocalDate day : days) {
                boolean current = in(entityItems, day);
                if (current && !previous) {
                    entered++;
                } else if (!current && previous) {
                    exited++;
                }
                previous = current;
            }
            atEnd += in(entityItems, to) ? 1 : 0;
        }
        return new Counts(atStart, atEnd, entered, exited);
    }

    private static boolean in(List<Item> items, LocalDate day) {
        for (Item item : items) {
            if (item.timeline().in(day)) {
                return true;
            }
        }
        return false;
    }
}

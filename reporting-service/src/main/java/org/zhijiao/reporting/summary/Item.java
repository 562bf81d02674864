package org.zhijiao.reporting.summary;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One thing a figure counts, for the {@code entity} it belongs to (a figure counts distinct
 * entities, e.g. an enterprise in two cohorts once), with the slice values it falls under.
 */
public record Item(String entity, Timeline timeline, Map<String, Set<String>> slices) {

    public static Item of(String entity, Timeline timeline) {
        return new Item(entity, timeline, Map.of());
    }

    /** Adds slice values; null or empty values are left out (the item then falls under no value). */
    public Item slice(String dimension, Collection<?> values) {
        return values == null || values.isEmpty() ? this : slices(Map.of(dimension, values));
    }

    /** Adds the slice values of several dimensions at once (null or empty ones left out). */
    public Item slices(Map<String, ? extends Collection<?>> byDimension) {
        Map<String, Set<String>> slices = new HashMap<>(this.slices);
        byDimension.forEach((dimension, values) -> {
            if (values != null && !values.isEmpty()) {
                slices.put(dimension, Set.copyOf(values.stream().filter(v -> v != null).map(Object::toString).toList()));
            }
        });
        return new Item(entity, timeline, slices);
    }

    public Item slice(String dimension, Object value) {
        return value == null ? this : slice(dimension, List.of(value));
    }
}

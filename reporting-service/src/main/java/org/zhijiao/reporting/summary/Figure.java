package org.zhijiao.reporting.summary;

import java.util.List;
import java.util.function.Function;
import org.zhijiao.reporting.summary.SummaryDtos.MetricDefinition;

/** A counted figure: its names, its written definition, its slices, and what it counts in the projections. */
public record Figure(String key, String nameZh, String nameEn, String definition, List<String> slices,
        List<String> sources, Family family, Function<Projections, List<Item>> items) {

    public MetricDefinition describe() {
        return new MetricDefinition(key, nameZh, nameEn, "count", definition, slices, sources);
    }
}

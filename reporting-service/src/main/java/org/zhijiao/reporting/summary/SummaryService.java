package org.zhijiao.reporting.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.reporting.summary.SummaryDtos.Counts;
import org.zhijiao.reporting.summary.SummaryDtos.FigureCounts;
import org.zhijiao.reporting.summary.SummaryDtos.Rate;
import org.zhijiao.reporting.summary.SummaryDtos.Summary;

/** Computes figures from the current projections. */
@ApplicationScoped
public class SummaryService {

    @Inject
    ProjectionCache cache;

    /** The figures named (all when empty) for the period; an unknown name is a 400. */
    public Summary summary(Period period, Collection<String> figureKeys) {
        List<Figure> figures = figureKeys == null || figureKeys.isEmpty() ? FigureCatalog.all()
                : figureKeys.stream().map(key -> FigureCatalog.find(key).orElseThrow(() -> ProblemException.invalid(
                        "figure", "unknown figure " + key + "; see GET /api/v1/reporting/metrics"))).distinct().toList();
        Projections projections = cache.current();
        Map<String, FigureCounts> counts = new LinkedHashMap<>();
        for (Figure figure : figures) {
            counts.put(figure.key(), Counting.figure(figure.items().apply(projections), figure.slices(),
                    period.from(), period.to()));
        }
        Map<String, Rate> rates = new LinkedHashMap<>();
        if (figureKeys == null || figureKeys.isEmpty() || figureKeys.contains(FigureCatalog.COMPLETION_RATE.key())) {
            rates.put(FigureCatalog.COMPLETION_RATE.key(), completionRate(projections, period));
        }
        return new Summary(period.from(), period.to(), period.kind(), counts, rates);
    }

    private static Rate completionRate(Projections projections, Period period) {
        Counts completed = Counting.count(FigureCatalog.find("apprenticesCompleted").orElseThrow().items()
                .apply(projections), period.from(), period.to());
        Counts withdrawn = Counting.count(FigureCatalog.countedWithdrawals(projections), period.from(), period.to());
        long periodDenominator = completed.entered() + withdrawn.entered();
        long cumulativeDenominator = completed.atEnd() + withdrawn.atEnd();
        return new Rate(ratio(completed.entered(), periodDenominator), ratio(completed.atEnd(), cumulativeDenominator),
                Arrays.asList(completed.entered(), periodDenominator),
                Arrays.asList(completed.atEnd(), cumulativeDenominator));
    }

    private static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : Math.round(numerator * 10000.0 / denominator) / 10000.0;
    }
}

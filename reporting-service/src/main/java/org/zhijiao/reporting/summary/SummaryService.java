package org.zhijiao.reporting.summary;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.reporting.counters.CounterStore;
import org.zhijiao.reporting.counters.CounterStore.Cumulative;
import org.zhijiao.reporting.counters.CounterStore.DayChange;
import org.zhijiao.reporting.counters.Spans.Series;
import org.zhijiao.reporting.summary.SummaryDtos.Counts;
import org.zhijiao.reporting.summary.SummaryDtos.FigureCounts;
import org.zhijiao.reporting.summary.SummaryDtos.Rate;
import org.zhijiao.reporting.summary.SummaryDtos.Summary;

/**
 * Reads figures from the counters: for a period, the cumulative entries and exits on the day before
 * it starts and on its last day give atStart, atEnd, new and exited of every series at once.
 */
@ApplicationScoped
public class SummaryService {

    /** The figure whose slice industryChainsServed counts the values of. */
    private static final String CHAINS_SOURCE = "memberEnterprises";
    private static final String CHAINS_DIMENSION = "industryChain";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CounterStore counters;

    /** The figures named (all when empty) for the period; an unknown name is a 400. */
    public Summary summary(Period period, Collection<String> figureKeys) {
        boolean all = figureKeys == null || figureKeys.isEmpty();
        List<Figure> figures = all ? FigureCatalog.all()
                : figureKeys.stream().map(key -> FigureCatalog.find(key).orElseThrow(() -> ProblemException.invalid(
                        "figure", "unknown figure " + key + "; see GET /api/v1/reporting/metrics"))).distinct().toList();
        boolean rate = all || figureKeys.contains(FigureCatalog.COMPLETION_RATE.key());
        Set<String> stored = new LinkedHashSet<>();
        for (Figure figure : figures) {
            stored.add(figure.family() == Family.DERIVED ? CHAINS_SOURCE : figure.key());
        }
        if (rate) {
            stored.add("apprenticesCompleted");
            stored.add(FigureCatalog.COUNTED_WITHDRAWALS.key());
        }
        LocalDate before = period.from().minusDays(1);
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            try {
                Map<String, Map<Series, Cumulative[]>> counts = counters.cumulative(c, List.copyOf(stored), before,
                        period.to());
                Map<String, FigureCounts> result = new LinkedHashMap<>();
                for (Figure figure : figures) {
                    result.put(figure.key(), figure.family() == Family.DERIVED
                            ? distinctValues(c, counts.getOrDefault(CHAINS_SOURCE, Map.of()), period)
                            : figureCounts(figure, counts.getOrDefault(figure.key(), Map.of())));
                }
                Map<String, Rate> rates = new LinkedHashMap<>();
                if (rate) {
                    rates.put(FigureCatalog.COMPLETION_RATE.key(), completionRate(
                            total(counts.get("apprenticesCompleted")),
                            total(counts.get(FigureCatalog.COUNTED_WITHDRAWALS.key()))));
                }
                return new Summary(period.from(), period.to(), period.kind(), result, rates, rebuilding(c) ? true : null);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw ProblemException.unavailable("The figures cannot be read now (the reporting database does not answer); retry shortly", e);
        }
    }

    private static boolean rebuilding(Connection c) throws SQLException {
        try (var s = c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM projection_rebuild WHERE state = 'RUNNING' AND lease_until > now())");
                var rs = s.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static FigureCounts figureCounts(Figure figure, Map<Series, Cumulative[]> series) {
        Counts total = counts(series.get(Series.TOTAL));
        Map<String, Map<String, Counts>> slices = new LinkedHashMap<>();
        for (String dimension : figure.slices()) {
            slices.put(dimension, new TreeMap<>());
        }
        series.forEach((s, cells) -> {
            Map<String, Counts> byValue = slices.get(s.dimension());
            Counts counts = counts(cells);
            if (byValue != null && !counts.isZero()) {
                byValue.put(s.value(), counts);
            }
        });
        return new FigureCounts(total.atStart(), total.atEnd(), total.entered(), total.exited(), slices);
    }

    private static Counts counts(Cumulative[] cells) {
        if (cells == null) {
            return new Counts(0, 0, 0, 0);
        }
        Cumulative before = cells[0];
        Cumulative end = cells[1];
        return new Counts(before.count(), end.count(), end.entered() - before.entered(), end.exited() - before.exited());
    }

    private static Counts total(Map<Series, Cumulative[]> series) {
        return counts(series == null ? null : series.get(Series.TOTAL));
    }

    /**
     * How many values of memberEnterprises' industryChain slice count at least one enterprise: on the
     * day before the period, on its last day, and how often a value started or stopped counting in
     * between, walking the days on which those slices changed. Only values that can reach zero in the
     * period are walked: one counting more enterprises at its start than leave it during the period
     * counts throughout (at the design's scale, every value).
     */
    private FigureCounts distinctValues(Connection c, Map<Series, Cumulative[]> source, Period period)
            throws SQLException {
        Map<String, Long> running = new HashMap<>();
        long atStart = 0;
        long atEnd = 0;
        for (Map.Entry<Series, Cumulative[]> e : source.entrySet()) {
            if (!e.getKey().dimension().equals(CHAINS_DIMENSION)) {
                continue;
            }
            Cumulative before = e.getValue()[0];
            Cumulative end = e.getValue()[1];
            long start = before.count();
            atStart += start > 0 ? 1 : 0;
            atEnd += end.count() > 0 ? 1 : 0;
            if (start - (end.exited() - before.exited()) <= 0) {
                running.put(e.getKey().value(), start);
            }
        }
        long entered = 0;
        long exited = 0;
        for (DayChange change : counters.days(c, CHAINS_SOURCE, CHAINS_DIMENSION, running.keySet(), period.from(),
                period.to())) {
            long previous = running.get(change.value());
            long current = previous + change.entered() - change.exited();
            running.put(change.value(), current);
            entered += previous <= 0 && current > 0 ? 1 : 0;
            exited += previous > 0 && current <= 0 ? 1 : 0;
        }
        return new FigureCounts(atStart, atEnd, entered, exited, new LinkedHashMap<>());
    }

    private static Rate completionRate(Counts completed, Counts withdrawn) {
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

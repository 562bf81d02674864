package org.zhijiao.reporting.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.zhijiao.reporting.dataset.DatasetKind;
import org.zhijiao.reporting.dataset.DatasetService;
import org.zhijiao.reporting.load.DataLoadService;
import org.zhijiao.reporting.events.EventData.Recognition;
import org.zhijiao.reporting.report.ReportDtos.AnnualReport;
import org.zhijiao.reporting.report.ReportDtos.ReportFigure;
import org.zhijiao.reporting.report.ReportDtos.ReportRecognition;
import org.zhijiao.reporting.report.ReportDtos.ReportTable;
import org.zhijiao.reporting.report.ReportDtos.TrendPoint;
import org.zhijiao.reporting.summary.Figure;
import org.zhijiao.reporting.summary.FigureCatalog;
import org.zhijiao.reporting.summary.Period;
import org.zhijiao.reporting.summary.ProjectionReader;
import org.zhijiao.reporting.summary.SummaryDtos.Counts;
import org.zhijiao.reporting.summary.SummaryDtos.FigureCounts;
import org.zhijiao.reporting.summary.SummaryDtos.Rate;
import org.zhijiao.reporting.summary.SummaryDtos.Summary;
import org.zhijiao.reporting.summary.SummaryService;
import org.zhijiao.reporting.summary.Timeline;

/** Assembles the annual report of a year from the summary of that year and of the year before. */
@ApplicationScoped
public class ReportService {

    /** The breakdowns the report shows as tables: figure → slice. */
    static final List<String[]> TABLES = List.of(
            new String[] {"members", "organizationKind"},
            new String[] {"memberSchools", "schoolLevel"},
            new String[] {"members", "subAlliance"},
            new String[] {"memberEnterprises", "industryChain"},
            new String[] {"designatedSpecialties", "designationLevel"},
            new String[] {"specialties", "specialtyCluster"},
            new String[] {"enterprisesInCohorts", "batchNumber"},
            new String[] {"facilities", "facilityType"},
            new String[] {"facilities", "facilityLevel"},
            new String[] {"recognitions", "recognitionLevel"});

    private static final int TREND_YEARS = 5;

    @Inject
    SummaryService summaries;

    @Inject
    DatasetService datasets;

    @Inject
    ProjectionReader projections;

    @Inject
    DataLoadService loads;

    public AnnualReport annual(int year) {
        Period period = Period.year(year);
        Summary current = summaries.summary(period, List.of());
        Summary previous = summaries.summary(Period.year(year - 1), List.of());
        List<ReportFigure> figures = new ArrayList<>();
        for (Figure figure : FigureCatalog.all()) {
            FigureCounts now = current.figures().get(figure.key());
            long before = previous.figures().get(figure.key()).atEnd();
            figures.add(new ReportFigure(figure.key(), figure.nameZh(), figure.nameEn(), now.atEnd(), before,
                    now.atEnd() - before, before == 0 ? null : Math.round((now.atEnd() - before) * 1000.0 / before) / 10.0,
                    now.entered(), now.exited()));
        }
        List<ReportTable> tables = new ArrayList<>();
        for (String[] table : TABLES) {
            Map<String, Counts> now = current.figures().get(table[0]).slices().getOrDefault(table[1], Map.of());
            Map<String, Counts> then = previous.figures().get(table[0]).slices().getOrDefault(table[1], Map.of());
            Set<String> values = new TreeSet<>(now.keySet());
            values.addAll(then.keySet());
            Map<String, List<Long>> rows = new TreeMap<>(Comparator.comparing((String v) -> v.length()).thenComparing(v -> v));
            for (String value : values) {
                long a = now.containsKey(value) ? now.get(value).atEnd() : 0;
                long b = then.containsKey(value) ? then.get(value).atEnd() : 0;
                if (a != 0 || b != 0) {
                    rows.put(value, List.of(a, b));
                }
            }
            tables.add(new ReportTable(table[0], table[1], rows));
        }
        Map<String, Rate> rates = new LinkedHashMap<>();
        rates.put(String.valueOf(year), current.rates().get(FigureCatalog.COMPLETION_RATE.key()));
        rates.put(String.valueOf(year - 1), previous.rates().get(FigureCatalog.COMPLETION_RATE.key()));
        return new AnnualReport(year, figures, rates, tables, recognitions(period.to()), trend(year),
                datasets.totals(DatasetKind.ADMISSIONS, year), datasets.totals(DatasetKind.GRADUATE_DESTINATIONS, year),
                loads.inProgress());
    }

    private List<ReportRecognition> recognitions(LocalDate end) {
        return projections.recognitions().stream()
                .filter(r -> Timeline.status(r.history(), Set.of("GRANTED")).and(Timeline.between(null, r.validUntil()))
                        .in(end))
                .sorted(Comparator.comparing(Recognition::awardedOn).thenComparing(Recognition::id))
                .map(r -> new ReportRecognition(r.titleZh(), r.titleEn(), r.level(), r.awardedOn(),
                        Boolean.TRUE.equals(r.heldByGroup())))
                .toList();
    }

    private List<TrendPoint> trend(int year) {
        List<TrendPoint> points = new ArrayList<>();
        for (int y = year - TREND_YEARS + 1; y <= year; y++) {
            long members = summaries.summary(Period.asOf(LocalDate.of(y, 12, 31)), List.of("members"))
                    .figures().get("members").atEnd();
            points.add(new TrendPoint(y, members));
        }
        return points;
    }
}

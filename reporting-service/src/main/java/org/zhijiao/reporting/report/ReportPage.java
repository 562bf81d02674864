package org.zhijiao.reporting.report;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.zhijiao.reporting.dataset.AdmissionLevel;
import org.zhijiao.reporting.dataset.DatasetDtos.DatasetTotals;
import org.zhijiao.reporting.dataset.GraduateDestination;
import org.zhijiao.reporting.dataset.SpecialtyCategory;
import org.zhijiao.reporting.report.ReportDtos.AnnualReport;
import org.zhijiao.reporting.report.ReportDtos.ReportFigure;
import org.zhijiao.reporting.summary.FigureCatalog;
import org.zhijiao.reporting.summary.SummaryDtos.Rate;

/** What the HTML template shows, already worded in one language. */
@TemplateData
public record ReportPage(String lang, int year, String title, Map<String, String> t, String partialNotice, List<Row> figures,
        String completionRate, String completionRatePrevious, List<Table> tables, List<Row> recognitions,
        String comparisonChart, String trendChart, List<Table> datasets) {

    /** A table row; cells are preformatted text. */
    @TemplateData
    public record Row(String label, List<String> cells) {
    }

    @TemplateData
    public record Table(String title, List<String> headers, List<Row> rows) {
    }

    /** Figures of the year-on-year chart. */
    private static final List<String> CHARTED = List.of("memberSchools", "memberEnterprises", "otherMembers",
            "enterprisesInCohorts", "designatedSpecialties", "programs", "cohorts", "apprenticesRegistered",
            "apprenticesCompleted", "mentors", "facilities", "recognitions");

    static ReportPage of(AnnualReport report, String lang, String groupName, ValueNames names) {
        boolean zh = lang.equals("zh");
        Map<String, String> t = Labels.TEXT.get(lang);
        String thisYear = Integer.toString(report.year());
        String lastYear = Integer.toString(report.year() - 1);
        List<Row> figures = report.figures().stream().map(f -> new Row(zh ? f.nameZh() : f.nameEn(), List.of(
                Long.toString(f.value()), Long.toString(f.previous()), change(f), Long.toString(f.entered()),
                Long.toString(f.exited())))).toList();
        List<Table> tables = new ArrayList<>();
        for (ReportDtos.ReportTable table : report.tables()) {
            String figureName = FigureCatalog.find(table.figure()).map(f -> zh ? f.nameZh() : f.nameEn()).orElseThrow();
            String sliceName = Labels.SLICES.get(lang).getOrDefault(table.slice(), table.slice());
            tables.add(new Table(figureName + " · " + sliceName, List.of(thisYear, lastYear),
                    table.rows().entrySet().stream().map(e -> new Row(names.name(table.slice(), e.getKey(), zh), List.of(
                            e.getValue().get(0).toString(), e.getValue().get(1).toString()))).toList()));
        }
        List<Row> recognitions = report.recognitions().stream().map(r -> new Row(
                zh || r.titleEn() == null ? r.titleZh() : r.titleEn(),
                List.of(r.level(), r.awardedOn().toString(), r.heldByGroup() ? t.get("group") : t.get("member"))))
                .toList();
        List<Table> datasets = List.of(
                dataset(t.get("admissions") + " · " + (zh ? "按层次" : "by level"), report.admissions(), "byLevel",
                        code -> zh ? AdmissionLevel.valueOf(code).zh : AdmissionLevel.valueOf(code).en, t),
                dataset(t.get("admissions") + " · " + (zh ? "按专业大类" : "by specialty category"), report.admissions(),
                        "bySpecialtyCategory", code -> category(code, zh), t),
                dataset(t.get("destinations"), report.graduateDestinations(), "byDestination",
                        code -> zh ? GraduateDestination.valueOf(code).zh : GraduateDestination.valueOf(code).en, t));
        List<Charts.Pair> bars = report.figures().stream().filter(f -> CHARTED.contains(f.key()))
                .map(f -> new Charts.Pair(zh ? f.nameZh() : f.nameEn(), f.value(), f.previous())).toList();
        String partial = report.loadsInProgress().isEmpty() ? null
                : t.get("partial").replace("{loads}", String.join(", ", report.loadsInProgress()));
        return new ReportPage(lang, report.year(), t.get("title").replace("{group}", groupName).replace("{year}", thisYear), t,
                partial, figures,
                rate(report.completionRate().get(thisYear)), rate(report.completionRate().get(lastYear)), tables,
                recognitions, Charts.pairedBars(t.get("comparison"), bars, thisYear, lastYear),
                Charts.line(t.get("trend"), report.membersTrend()), datasets);
    }

    private static Table dataset(String title, DatasetTotals totals, String dimension, Function<String, String> label,
            Map<String, String> t) {
        List<Row> rows = new ArrayList<>();
        totals.totals().getOrDefault(dimension, Map.of())
                .forEach((code, count) -> rows.add(new Row(label.apply(code), List.of(Long.toString(count)))));
        rows.add(new Row(t.get("total"), List.of(Long.toString(totals.total()))));
        return new Table(title, List.of(t.get("total"), t.get("schools") + ": " + totals.schools()), rows);
    }

    private static String category(String code, boolean zh) {
        SpecialtyCategory c = SpecialtyCategory.valueOf(code);
        return c.code + " " + (zh ? c.zh : c.en);
    }

    private static String change(ReportFigure f) {
        String sign = f.change() > 0 ? "+" : "";
        return sign + f.change() + (f.changePercent() == null ? ""
                : String.format(Locale.ROOT, " (%s%.1f%%)", sign, f.changePercent()));
    }

    private static String rate(Rate rate) {
        return rate == null || rate.period() == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate.period() * 100);
    }
}

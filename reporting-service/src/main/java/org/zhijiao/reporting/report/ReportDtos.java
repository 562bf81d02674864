package org.zhijiao.reporting.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.zhijiao.reporting.dataset.DatasetDtos.DatasetTotals;
import org.zhijiao.reporting.summary.SummaryDtos.Rate;

public final class ReportDtos {

    private ReportDtos() {
    }

    @Schema(name = "ReportFigure", description = "A figure at the end of the year, with the year before for comparison")
    public record ReportFigure(
            @Schema(example = "memberSchools") String key,
            @Schema(example = "成员学校") String nameZh,
            @Schema(example = "Member schools") String nameEn,
            @Schema(description = "On 31 December of the year", example = "10") long value,
            @Schema(description = "On 31 December of the year before", example = "9") long previous,
            @Schema(description = "value − previous", example = "1") long change,
            @Schema(description = "Change in percent of previous; null when previous is 0", example = "11.1")
            Double changePercent,
            @Schema(description = "Came in during the year", example = "1") long entered,
            @Schema(description = "Went out during the year", example = "0") long exited) {
    }

    @Schema(name = "ReportTable", description = "A figure broken down by one slice at the end of the year")
    public record ReportTable(
            @Schema(example = "memberSchools") String figure,
            @Schema(example = "schoolLevel") String slice,
            @Schema(description = "Slice value → [value, previous year]", example = "{\"SECONDARY_VOCATIONAL\": [10, 9]}")
            Map<String, List<Long>> rows) {
    }

    @Schema(name = "ReportRecognition", description = "An honour held at the end of the year")
    public record ReportRecognition(String titleZh, String titleEn,
            @Schema(example = "PROVINCIAL") String level, @Schema(example = "2017-06-01") LocalDate awardedOn,
            @Schema(example = "true") boolean heldByGroup) {
    }

    @Schema(name = "TrendPoint", description = "Members at the end of a year")
    public record TrendPoint(@Schema(example = "2022") int year, @Schema(example = "98") long members) {
    }

    @Schema(name = "AnnualReport", description = "The annual work report of the group for a calendar year")
    public record AnnualReport(
            @Schema(example = "2022") int year,
            List<ReportFigure> figures,
            @Schema(description = "Completion rate over the year and the year before") Map<String, Rate> completionRate,
            List<ReportTable> tables,
            List<ReportRecognition> recognitions,
            @Schema(description = "Members at the end of each of the last five years") List<TrendPoint> membersTrend,
            DatasetTotals admissions,
            DatasetTotals graduateDestinations,
            @Schema(description = "Data loads in progress (PUT /api/v1/reporting/data-loads/{name}); while any is, "
                    + "the figures are partial", example = "[]") List<String> loadsInProgress) {
    }
}

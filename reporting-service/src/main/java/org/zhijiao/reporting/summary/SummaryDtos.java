package org.zhijiao.reporting.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class SummaryDtos {

    private SummaryDtos() {
    }

    @Schema(name = "Counts", description = "A figure over a period; atEnd = atStart + new − exited")
    public record Counts(
            @Schema(description = "Count on the day before the period starts", example = "9") long atStart,
            @Schema(description = "Count on the last day of the period", example = "10") long atEnd,
            @JsonProperty("new") @Schema(description = "Times an entity came in during the period", example = "1")
            long entered,
            @Schema(description = "Times an entity went out during the period", example = "0") long exited) {

        boolean isZero() {
            return atStart == 0 && atEnd == 0 && entered == 0 && exited == 0;
        }
    }

    @Schema(name = "FigureCounts", description = "A figure over a period, with the same counts per slice value")
    public record FigureCounts(
            @Schema(example = "9") long atStart,
            @Schema(example = "10") long atEnd,
            @JsonProperty("new") @Schema(example = "1") long entered,
            @Schema(example = "0") long exited,
            @Schema(description = "Dimension → value → counts; values with nothing to count are left out",
                    example = "{\"schoolLevel\": {\"SECONDARY_VOCATIONAL\": {\"atStart\": 9, \"atEnd\": 10, "
                            + "\"new\": 1, \"exited\": 0}}}")
            Map<String, Map<String, Counts>> slices) {
    }

    @Schema(name = "Rate", description = "A ratio of two counts, null when the denominator is 0")
    public record Rate(
            @Schema(description = "Over the period: completions / (completions + counted withdrawals) in it",
                    example = "0.95") Double period,
            @Schema(description = "Cumulative on the last day: completed / (completed + counted withdrawn)",
                    example = "0.93") Double cumulative,
            @Schema(description = "Numerator and denominator of `period`", example = "[19, 20]") List<Long> periodTerms,
            @Schema(description = "Numerator and denominator of `cumulative`", example = "[140, 150]")
            List<Long> cumulativeTerms) {
    }

    @Schema(name = "Summary", description = "The group's figures for a period, computed from the projections")
    public record Summary(
            @Schema(description = "First day of the period", example = "2022-01-01") LocalDate from,
            @Schema(description = "Last day of the period", example = "2022-12-31") LocalDate to,
            @Schema(description = "How the period was given", enumeration = {"AS_OF", "YEAR", "ACADEMIC_YEAR", "RANGE"},
                    example = "YEAR") String period,
            @Schema(description = "Figure key → counts (definitions: GET /api/v1/reporting/metrics)")
            Map<String, FigureCounts> figures,
            @JsonInclude(JsonInclude.Include.NON_EMPTY)
            @Schema(description = "Rate key → value") Map<String, Rate> rates,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Present (true) while a rebuild replays the topics; the figures are those from "
                    + "before it until it switches over", example = "true") Boolean rebuilding) {
    }

    @Schema(name = "MetricDefinition", description = "What a figure counts")
    public record MetricDefinition(
            @Schema(example = "memberSchools") String key,
            @Schema(example = "成员学校") String nameZh,
            @Schema(example = "Member schools") String nameEn,
            @Schema(enumeration = {"count", "rate"}, example = "count") String kind,
            @Schema(example = "Distinct organizations of kind SCHOOL whose membership is ACTIVE or SUSPENDED on the day.")
            String definition,
            @Schema(description = "Slice dimensions", example = "[\"schoolLevel\", \"region\"]") List<String> slices,
            @Schema(example = "zhijiao.membership.memberships, zhijiao.membership.organizations") List<String> sources) {
    }
}

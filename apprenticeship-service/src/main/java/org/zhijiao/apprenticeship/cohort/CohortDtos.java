package org.zhijiao.apprenticeship.cohort;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.zhijiao.commons.aggregate.LifecycleState;
import org.zhijiao.commons.web.Versioned;

public final class CohortDtos {

    private CohortDtos() {
    }

    @Schema(name = "EnterprisePlaces")
    public record EnterprisePlaces(
            @NotNull @Schema(description = "An active member enterprise") UUID enterpriseId,
            @Min(1) @Max(500) @Schema(example = "3") int places) {
    }

    @Schema(name = "CohortRequest", description = "A new cohort of a published program; the school is the program's")
    public record CohortRequest(
            @NotNull UUID programId,
            @NotBlank @Size(max = 200) @Schema(example = "第五批工匠班") String nameZh,
            @Size(max = 300) @Schema(example = "5th craftsman class") String nameEn,
            @Min(1) @Max(1000) @Schema(example = "5") int batchNumber,
            @NotNull @Schema(example = "2022-09-01") LocalDate startsOn,
            @Schema(example = "2025-06-30") LocalDate endsOn,
            @Size(max = 200) List<@Valid @NotNull EnterprisePlaces> enterprises,
            @Schema(description = "Day planned; today when absent", example = "2022-05-10") LocalDate plannedOn) {
    }

    @Schema(name = "CohortChange", description = "Fields to change; absent fields stay as they are")
    public record CohortChange(
            @Size(min = 1, max = 200) String nameZh,
            @Size(max = 300) String nameEn,
            LocalDate startsOn,
            LocalDate endsOn) {
    }

    @Schema(name = "EnterprisesRequest", description = "The whole list of participating enterprises and their places")
    public record EnterprisesRequest(
            @NotNull @Size(max = 200) List<@Valid @NotNull EnterprisePlaces> enterprises) {
    }

    @Schema(name = "SuccessorRequest", description = "The next batch: same program, school and enterprises with "
            + "their places, batch number + 1")
    public record SuccessorRequest(
            @NotBlank @Size(max = 200) @Schema(example = "第六批工匠班") String nameZh,
            @Size(max = 300) @Schema(example = "6th craftsman class") String nameEn,
            @NotNull @Schema(example = "2023-09-01") LocalDate startsOn,
            @Schema(example = "2026-06-30") LocalDate endsOn) {
    }

    @Schema(name = "Cohort")
    public record CohortView(
            UUID id,
            UUID programId,
            UUID schoolId,
            String nameZh,
            String nameEn,
            @Schema(example = "5") int batchNumber,
            @Schema(description = "The batch it was created from") UUID previousCohortId,
            LocalDate startsOn,
            LocalDate endsOn,
            List<EnterprisePlaces> enterprises,
            @Schema(example = "60") int totalPlaces,
            @JsonUnwrapped LifecycleState<CohortStatus, CohortAction> lifecycle,
            @Schema(example = "4") long version) implements Versioned {

        public static CohortView of(Cohort c) {
            return new CohortView(c.id, c.programId, c.schoolId, c.name.zh(), c.name.en(), c.batchNumber,
                    c.previousCohortId, c.startsOn, c.endsOn,
                    c.places.entrySet().stream().map(e -> new EnterprisePlaces(e.getKey(), e.getValue()))
                            .sorted(Comparator.comparing(EnterprisePlaces::enterpriseId)).toList(),
                    c.totalPlaces(), LifecycleState.of(c), c.version);
        }
    }

    @Schema(name = "Occupancy", description = "Places and how many are taken, per enterprise")
    public record Occupancy(UUID enterpriseId, int places, long taken, long free) {
    }
}

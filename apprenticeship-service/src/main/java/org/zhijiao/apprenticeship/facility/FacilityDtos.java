package org.zhijiao.apprenticeship.facility;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.zhijiao.commons.aggregate.LifecycleState;
import org.zhijiao.commons.web.Versioned;

public final class FacilityDtos {

    private FacilityDtos() {
    }

    @Schema(name = "FacilityRequest", description = "A facility and its hosts (active member schools or enterprises)")
    public record FacilityRequest(
            @NotNull @Schema(example = "MODEL_WORKER_STUDIO") FacilityType type,
            @NotBlank @Size(max = 200) @Schema(example = "王师傅劳模工匠室（虚构）") String nameZh,
            @Size(max = 300) @Schema(example = "Master Wang model-worker craftsman studio (fictional)") String nameEn,
            @NotEmpty @Size(max = 20) Set<@NotNull UUID> hostOrganizationIds,
            @NotNull @Schema(example = "MUNICIPAL") FacilityLevel level,
            @Min(1) @Max(100000) @Schema(description = "Trainees it can take at once", example = "40") int capacity,
            @Size(max = 200) @Schema(example = "工业机器人") String focus,
            @Schema(description = "Day it was planned; today when absent (only on creation)") LocalDate plannedOn) {
    }

    @Schema(name = "Facility")
    public record FacilityView(
            UUID id,
            FacilityType type,
            String nameZh,
            String nameEn,
            Set<UUID> hostOrganizationIds,
            FacilityLevel level,
            int capacity,
            String focus,
            @JsonUnwrapped LifecycleState<FacilityStatus, FacilityAction> lifecycle,
            @Schema(example = "2") long version) implements Versioned {

        public static FacilityView of(Facility f) {
            return new FacilityView(f.id, f.type, f.name.zh(), f.name.en(), Set.copyOf(f.hostOrganizationIds), f.level,
                    f.capacity, f.focus, LifecycleState.of(f), f.version);
        }
    }
}

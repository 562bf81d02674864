package org.zhijiao.reporting.load;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class DataLoadDtos {

    private DataLoadDtos() {
    }

    @Schema(name = "DataLoadChange", description = "The new state of a data load")
    public record DataLoadChange(
            @NotNull @Schema(description = "LOADING while data is being loaded; DONE once it is all in and applied",
                    example = "LOADING") DataLoad.State state) {
    }

    @Schema(name = "DataLoad", description = "A bulk load of data and its latest state")
    public record DataLoadView(
            @Schema(example = "reference-group") String name,
            @Schema(example = "LOADING") DataLoad.State state,
            @Schema(example = "2026-11-28T10:00:00Z") OffsetDateTime changedAt,
            @Schema(description = "Client id that set the state", example = "secretariat") String changedBy) {
    }
}

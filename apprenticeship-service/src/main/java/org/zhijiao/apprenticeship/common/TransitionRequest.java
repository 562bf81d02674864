package org.zhijiao.apprenticeship.common;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.zhijiao.commons.lifecycle.StepRequest;

/** A request to move an aggregate along its lifecycle by {@code action}, effective {@code on}. */
public record TransitionRequest<A extends Enum<A>>(
        @NotNull A action,
        @Schema(description = "Day it takes effect; today when absent. Never in the future, never before the"
                + " previous step.", example = "2022-09-01") LocalDate on,
        @Size(max = 500) @Schema(example = "Decided by the council meeting of 2022-08-30") String reason) implements StepRequest<A> {
}

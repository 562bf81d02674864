package org.zhijiao.membership.recognition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.zhijiao.commons.lifecycle.StepRequest;
import org.zhijiao.commons.lifecycle.Transition;
import org.zhijiao.commons.web.Versioned;

public final class RecognitionDtos {

    private RecognitionDtos() {
    }

    @Schema(name = "RecognitionRequest")
    public record RecognitionRequest(
            @Schema(description = "Holding organization; absent when the group itself holds it")
            UUID holderOrganizationId,
            @NotBlank @Size(max = 300) @Schema(example = "山东省骨干职业教育集团") String titleZh,
            @Size(max = 300) @Schema(example = "Shandong provincial backbone vocational education group") String titleEn,
            @NotNull @Schema(example = "PROVINCIAL") RecognitionLevel level,
            @Size(max = 200) @Schema(example = "山东省教育厅") String grantedBy,
            @NotNull @Schema(example = "2017-12-01") LocalDate awardedOn,
            LocalDate validUntil) {
    }

    @Schema(name = "RecognitionTransitionRequest")
    public record TransitionRequest(
            @NotNull @Schema(example = "REVOKE") RecognitionAction action,
            LocalDate on,
            @Size(max = 500) String reason) implements StepRequest<RecognitionAction> {
    }

    @Schema(name = "Recognition")
    public record RecognitionView(
            UUID id,
            UUID holderOrganizationId,
            @Schema(description = "True when the group itself holds it") boolean heldByGroup,
            String titleZh,
            String titleEn,
            RecognitionLevel level,
            String grantedBy,
            LocalDate awardedOn,
            LocalDate validUntil,
            RecognitionStatus status,
            List<Transition> history,
            OffsetDateTime createdAt,
            long version) implements Versioned {

        public static RecognitionView of(Recognition r) {
            return new RecognitionView(r.id, r.holderOrganizationId, r.holderOrganizationId == null, r.title.zh(),
                    r.title.en(), r.level, r.grantedBy, r.awardedOn, r.validUntil, r.status, List.copyOf(r.history),
                    r.createdAt, r.version);
        }
    }
}

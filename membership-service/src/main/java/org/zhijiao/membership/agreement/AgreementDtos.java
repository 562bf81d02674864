package org.zhijiao.membership.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.zhijiao.commons.lifecycle.StepRequest;
import org.zhijiao.commons.lifecycle.Transition;
import org.zhijiao.commons.web.Versioned;

public final class AgreementDtos {

    private AgreementDtos() {
    }

    @Schema(name = "AgreementRequest")
    public record AgreementRequest(
            @NotBlank @Size(max = 300) @Schema(example = "现代学徒制第五期工匠班合作协议") String title,
            @NotNull @Schema(example = "APPRENTICESHIP") AgreementKind kind,
            @NotNull @Size(min = 2, max = 100) @Schema(description = "Organizations that are parties (two or more)")
            Set<@NotNull UUID> parties,
            @Size(max = 4000) String summary,
            @Schema(example = "2022-09-01") LocalDate validFrom,
            @Schema(example = "2025-08-31") LocalDate validUntil,
            @Schema(description = "A signed agreement this one replaces when it is signed") UUID supersedes,
            @Schema(description = "Day drafted; today when absent (ignored on revision)", example = "2022-06-01")
            LocalDate draftedOn) {
    }

    @Schema(name = "AgreementTransitionRequest")
    public record TransitionRequest(
            @NotNull @Schema(example = "SIGN") AgreementAction action,
            @Schema(example = "2022-08-20") LocalDate on,
            @Size(max = 500) String reason) implements StepRequest<AgreementAction> {
    }

    @Schema(name = "CooperationAgreement")
    public record AgreementView(
            UUID id,
            String title,
            AgreementKind kind,
            Set<UUID> parties,
            String summary,
            LocalDate validFrom,
            LocalDate validUntil,
            UUID supersedes,
            AgreementStatus status,
            LocalDate signedOn,
            Set<AgreementAction> allowedActions,
            List<Transition> history,
            OffsetDateTime createdAt,
            long version) implements Versioned {

        public static AgreementView of(CooperationAgreement a) {
            return new AgreementView(a.id, a.title, a.kind, Set.copyOf(a.parties), a.summary, a.validFrom,
                    a.validUntil, a.supersedes, a.status, a.signedOn(), CooperationAgreement.LIFECYCLE.allowed(a.status),
                    List.copyOf(a.history), a.createdAt, a.version);
        }
    }
}

package org.zhijiao.membership.membership;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.zhijiao.commons.aggregate.LifecycleState;
import org.zhijiao.commons.lifecycle.StepRequest;
import org.zhijiao.membership.organization.OrganizationKind;
import org.zhijiao.commons.web.Versioned;

public final class MembershipDtos {

    private MembershipDtos() {
    }

    @Schema(name = "MembershipApplication")
    public record MembershipApplication(
            @NotNull @Schema(example = "0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8b") UUID organizationId,
            @NotNull @Schema(example = "MEMBER") MembershipRole role,
            @Size(max = 10) @Schema(description = "Sub-alliance codes (reference data)", example = "[\"EAST-WEST\"]")
            Set<@NotBlank @Size(max = 40) String> subAlliances,
            @Schema(description = "Day of the application; today when absent", example = "2008-06-01")
            LocalDate appliedOn) {
    }

    @Schema(name = "MembershipTransitionRequest")
    public record TransitionRequest(
            @NotNull @Schema(example = "APPROVE") MembershipAction action,
            @Schema(description = "Day it takes effect; today when absent. Never in the future, never before the"
                    + " previous step.", example = "2008-09-01") LocalDate on,
            @Size(max = 500) @Schema(example = "Approved by the council") String reason) implements StepRequest<MembershipAction> {
    }

    @Schema(name = "MembershipChange", description = "Fields to change; absent fields stay as they are")
    public record MembershipChange(
            MembershipRole role,
            @Size(max = 10) Set<@NotBlank @Size(max = 40) String> subAlliances,
            @Schema(description = "Day from which changed sub-alliances take effect in the reports (default today; "
                    + "not in the future, not before the last change)", example = "2024-03-01") LocalDate effectiveOn) {
    }

    @Schema(name = "Membership")
    public record MembershipView(
            UUID id,
            UUID organizationId,
            OrganizationKind organizationKind,
            MembershipRole role,
            Set<String> subAlliances,
            @Schema(description = "Sub-alliances as dated versions, the current one last") List<SubAllianceVersion> subAllianceHistory,
            @JsonUnwrapped LifecycleState<MembershipStatus, MembershipAction> lifecycle,
            @Schema(example = "2") long version,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Only on lists with `asOf`: the state in force on that day")
            MembershipStatus statusAsOf) implements Versioned {

        public static MembershipView of(Membership m) {
            return of(m, null);
        }

        public static MembershipView of(Membership m, MembershipStatus statusAsOf) {
            return new MembershipView(m.id, m.organizationId, m.organizationKind, m.role, Set.copyOf(m.subAlliances),
                    List.copyOf(m.subAllianceHistory), LifecycleState.of(m), m.version, statusAsOf);
        }
    }
}

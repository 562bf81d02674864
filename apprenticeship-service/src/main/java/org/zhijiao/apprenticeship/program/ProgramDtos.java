package org.zhijiao.apprenticeship.program;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
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

public final class ProgramDtos {

    private ProgramDtos() {
    }

    @Schema(name = "TrainingModule")
    public record ModuleDto(
            @NotBlank @Size(max = 40) @Schema(example = "M01") String code,
            @NotBlank @Size(max = 300) @Schema(example = "工业机器人操作与编程（岗位实训）") String title,
            @NotNull @Schema(example = "ENTERPRISE") ModuleLocation location,
            @Min(1) @Max(2000) @Schema(example = "120") int hours) {

        static ModuleDto of(TrainingModule m) {
            return new ModuleDto(m.code(), m.title(), m.location(), m.hours());
        }

        TrainingModule toModule() {
            return new TrainingModule(code, title, location, hours);
        }
    }

    @Schema(name = "TrainingPlan")
    public record TrainingPlanDto(
            @Min(1) @Max(72) @Schema(example = "36") int durationMonths,
            @Size(max = 4000) @Schema(example = "School-enterprise alternating training, two days a week on the job")
            String summary,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull ModuleDto> modules) {
    }

    @Schema(name = "ProgramRequest", description = "A program and its training plan (replaced as a whole)")
    public record ProgramRequest(
            @NotNull @Schema(example = "MODERN_APPRENTICESHIP_PILOT") ProgramKind kind,
            @NotBlank @Size(max = 300) @Schema(example = "智能制造现代学徒制试点") String titleZh,
            @Size(max = 300) @Schema(example = "Smart manufacturing modern apprenticeship pilot") String titleEn,
            @NotNull @Schema(description = "The member school that runs it") UUID schoolId,
            @Size(max = 100) @Schema(description = "Active member organizations it works with")
            Set<@NotNull UUID> partnerOrganizationIds,
            @Size(max = 20) @Schema(description = "Specialties of the school it trains in") Set<@NotNull UUID> specialtyIds,
            @NotNull @Valid TrainingPlanDto trainingPlan,
            @Schema(description = "Day drafted; today when absent (ignored on revision)", example = "2022-01-10")
            LocalDate draftedOn) {
    }

    @Schema(name = "Program")
    public record ProgramView(
            UUID id,
            ProgramKind kind,
            String titleZh,
            String titleEn,
            UUID schoolId,
            Set<UUID> partnerOrganizationIds,
            Set<UUID> specialtyIds,
            TrainingPlanDto trainingPlan,
            @JsonUnwrapped LifecycleState<ProgramStatus, ProgramAction> lifecycle,
            @Schema(example = "3") long version) implements Versioned {

        public static ProgramView of(Program p) {
            return new ProgramView(p.id, p.kind, p.title.zh(), p.title.en(), p.schoolId,
                    Set.copyOf(p.partnerOrganizationIds), Set.copyOf(p.specialtyIds),
                    new TrainingPlanDto(p.durationMonths, p.planSummary,
                            p.modules.stream().map(ModuleDto::of).toList()),
                    LifecycleState.of(p), p.version);
        }
    }
}

package org.zhijiao.apprenticeship.specialty;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.zhijiao.commons.aggregate.LifecycleState;
import org.zhijiao.commons.web.Versioned;

public final class SpecialtyDtos {

    static final String CLUSTER_PATTERN = "[A-Z0-9][A-Z0-9_-]{0,39}";

    private SpecialtyDtos() {
    }

    @Schema(name = "SpecialtyRequest", description = "A specialty a member school starts to offer")
    public record SpecialtyRequest(
            @NotNull @Schema(description = "An active member school", example = "0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8b")
            UUID schoolId,
            @NotBlank @Pattern(regexp = "[0-9A-Z]{4,20}", message = "must be 4-20 digits or capital letters")
            @Schema(description = "Specialty code from the national catalogue", example = "710102") String code,
            @NotBlank @Size(max = 200) @Schema(example = "物联网技术应用") String nameZh,
            @Size(max = 300) @Schema(example = "Internet of Things technology application") String nameEn,
            @NotBlank @Pattern(regexp = CLUSTER_PATTERN, message = "must be a specialty cluster code such as IOT")
            @Schema(description = "Specialty cluster (membership reference data)", example = "IOT") String clusterCode,
            @Schema(description = "Day it was first offered; today when absent", example = "2015-09-01")
            LocalDate offeredOn) {
    }

    @Schema(name = "SpecialtyChange", description = "Fields to change; absent fields stay as they are")
    public record SpecialtyChange(
            @Size(min = 1, max = 200) String nameZh,
            @Size(max = 300) String nameEn,
            @Pattern(regexp = CLUSTER_PATTERN, message = "must be a specialty cluster code such as IOT") String clusterCode) {
    }

    @Schema(name = "DesignationRequest")
    public record DesignationRequest(
            @NotNull @Schema(example = "PROVINCIAL") DesignationLevel level,
            @NotNull @Schema(example = "BRAND") DesignationKind kind,
            @Size(max = 300) @Schema(example = "山东省职业教育品牌专业") String title,
            @NotNull @Schema(example = "2019-12-01") LocalDate from,
            @Schema(description = "Last day it is held; open-ended when absent", example = "2024-11-30") LocalDate until) {
    }

    @Schema(name = "Designation")
    public record DesignationView(UUID id, DesignationLevel level, DesignationKind kind, String title, LocalDate from,
            LocalDate until) {

        static DesignationView of(Designation d) {
            return new DesignationView(d.id(), d.level(), d.kind(), d.title(), d.validity().from(), d.validity().until());
        }
    }

    @Schema(name = "Specialty")
    public record SpecialtyView(
            UUID id,
            UUID schoolId,
            @Schema(example = "710102") String code,
            @Schema(example = "物联网技术应用") String nameZh,
            String nameEn,
            @Schema(example = "IOT") String clusterCode,
            List<DesignationView> designations,
            @JsonUnwrapped LifecycleState<SpecialtyStatus, SpecialtyAction> lifecycle,
            @Schema(example = "1") long version) implements Versioned {

        public static SpecialtyView of(Specialty s) {
            return new SpecialtyView(s.id, s.schoolId, s.code, s.name.zh(), s.name.en(), s.clusterCode,
                    s.designations.stream().map(DesignationView::of).toList(), LifecycleState.of(s), s.version);
        }
    }
}

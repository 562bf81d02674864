package org.zhijiao.reporting.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class DatasetDtos {

    private DatasetDtos() {
    }

    /** A row of a dataset: what makes it unique, what it counts and under which values it is totalled. */
    public interface Entry {
        String key();

        long count();

        Map<String, String> dimensions();
    }

    @Schema(name = "AdmissionEntry", description = "Students admitted on one route in one specialty category")
    public record AdmissionEntry(
            @NotNull @Schema(example = "THREE_PLUS_FOUR") AdmissionLevel level,
            @NotNull @Schema(example = "ELECTRONICS_INFORMATION") SpecialtyCategory specialtyCategory,
            @NotNull @Min(0) @Max(100000) @Schema(example = "120") Integer admitted,
            @Min(0) @Max(100000) @Schema(description = "Places planned, when known", example = "120") Integer planned)
            implements Entry {
        public String key() {
            return level + "/" + specialtyCategory;
        }

        public long count() {
            return admitted;
        }

        public Map<String, String> dimensions() {
            return Map.of("byLevel", level.name(), "bySpecialtyCategory", specialtyCategory.name());
        }
    }

    @Schema(name = "DestinationEntry", description = "Graduates of one specialty category who went one way")
    public record DestinationEntry(
            @NotNull @Schema(example = "ELECTRONICS_INFORMATION") SpecialtyCategory specialtyCategory,
            @NotNull @Schema(example = "FURTHER_STUDY") GraduateDestination destination,
            @NotNull @Min(0) @Max(100000) @Schema(example = "310") Integer graduates) implements Entry {
        public String key() {
            return specialtyCategory + "/" + destination;
        }

        public long count() {
            return graduates;
        }

        public Map<String, String> dimensions() {
            return Map.of("byDestination", destination.name(), "bySpecialtyCategory", specialtyCategory.name());
        }
    }

    @Schema(name = "AdmissionsSubmission")
    public record AdmissionsSubmission(
            @Schema(description = "The school; a school caller may leave it out (its own) and may not name another",
                    example = "0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8b") UUID schoolId,
            @NotNull @Min(1949) @Max(2199) @Schema(example = "2022") Integer year,
            @NotBlank @Size(max = 500) @Schema(description = "Where the figures come from",
                    example = "2022 admissions roll, approved by the municipal education bureau") String sourceNote,
            @NotEmpty @Size(max = 300) List<@Valid @NotNull AdmissionEntry> entries) {
    }

    @Schema(name = "GraduateDestinationsSubmission")
    public record DestinationsSubmission(
            @Schema(example = "0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8b") UUID schoolId,
            @NotNull @Min(1949) @Max(2199) @Schema(example = "2022") Integer year,
            @NotBlank @Size(max = 500) @Schema(example = "Graduate destination survey of 2022-08-31") String sourceNote,
            @NotEmpty @Size(max = 300) List<@Valid @NotNull DestinationEntry> entries) {
    }

    @Schema(name = "DatasetProvenance", description = "Who submitted it, for whom, when and from what")
    public record Provenance(
            @Schema(description = "Client id of the submitting token", example = "school-qdez") String submittedBy,
            @Schema(description = "Organization of the submitting token") UUID submittedFor,
            OffsetDateTime submittedAt,
            @Schema(example = "2022 admissions roll") String sourceNote) {
    }

    @Schema(name = "Dataset", description = "A submitted dataset with its totals and provenance")
    public record DatasetView(
            UUID id,
            @Schema(example = "ADMISSIONS") DatasetKind kind,
            UUID schoolId,
            @Schema(example = "2022") int year,
            @Schema(description = "The entries as submitted", type = SchemaType.ARRAY,
                    implementation = Object.class) JsonNode entries,
            @Schema(example = "1260") long total,
            @Schema(description = "Totals per dimension and value",
                    example = "{\"byLevel\": {\"THREE_PLUS_FOUR\": 120}}") Map<String, Map<String, Long>> totals,
            Provenance provenance,
            @Schema(description = "False once a later submission superseded it") boolean current,
            UUID supersededBy,
            OffsetDateTime supersededAt) {
    }

    @Schema(name = "DatasetTotals", description = "The group's totals over the current submissions of a year")
    public record DatasetTotals(
            @Schema(example = "ADMISSIONS") DatasetKind kind,
            @Schema(example = "2022") int year,
            @Schema(description = "Schools with a current submission", example = "10") int schools,
            @Schema(example = "4120") long total,
            @Schema(example = "{\"byLevel\": {\"THREE_PLUS_FOUR\": 400}}") Map<String, Map<String, Long>> totals) {
    }
}

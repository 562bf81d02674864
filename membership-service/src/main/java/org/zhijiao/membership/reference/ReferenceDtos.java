package org.zhijiao.membership.reference;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ReferenceDtos {

    private ReferenceDtos() {
    }

    @Schema(name = "ReferenceItemRequest")
    public record ReferenceItemRequest(
            @NotBlank @Size(max = 200) @Schema(example = "人工智能专业群") String nameZh,
            @Size(max = 300) @Schema(example = "Artificial intelligence") String nameEn,
            @Schema(description = "Day from which the code may no longer be used; absent while in use")
            LocalDate retiredOn) {
    }

    @Schema(name = "ReferenceItem")
    public record ReferenceItemView(
            @Schema(example = "specialty-clusters") ReferenceKind kind,
            @Schema(example = "AI") String code,
            @Schema(example = "人工智能专业群") String nameZh,
            @Schema(example = "Artificial intelligence") String nameEn,
            LocalDate retiredOn,
            @Schema(example = "0") long version) {

        static ReferenceItemView of(ReferenceItem item) {
            return new ReferenceItemView(item.kind, item.code, item.name.zh(), item.name.en(), item.retiredOn,
                    item.version);
        }
    }
}

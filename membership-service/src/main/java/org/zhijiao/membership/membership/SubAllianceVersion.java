package org.zhijiao.membership.membership;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sub-alliances a membership belonged to from a day on: reports for a past day use the version in force. */
@Schema(name = "SubAlliances", description = "Sub-alliances in force from `from` (null: since ever) until the next version")
public record SubAllianceVersion(
        @Schema(description = "First day in force; null for the first version", example = "2021-03-01") LocalDate from,
        @Schema(example = "[\"EAST-WEST\"]") List<String> subAlliances) {

    boolean sameAlliances(SubAllianceVersion other) {
        return subAlliances.equals(other.subAlliances);
    }
}

package org.zhijiao.membership.organization;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.zhijiao.membership.organization.OrganizationDtos.RegionDto;

/**
 * The attributes of an organization that slice the group's figures, as they were from a day on:
 * reports for a past day use the version in force then.
 */
@Schema(name = "OrganizationAttributes", description = "The organization's kind, level, size, industry chains and "
        + "region in force from `from` (null: since ever) until the next version")
public record AttributeVersion(
        @Schema(description = "First day in force; null for the first version", example = "2024-03-01") LocalDate from,
        @Schema(example = "ENTERPRISE") OrganizationKind kind,
        SchoolLevel schoolLevel,
        EnterpriseSize enterpriseSize,
        @Schema(example = "[\"IC-SMART-HOME\"]") List<String> industryChains,
        RegionDto region,
        boolean overseas) {

    static AttributeVersion of(Organization o, LocalDate from) {
        return new AttributeVersion(from, o.kind, o.schoolLevel, o.enterpriseSize, List.copyOf(o.industryChains),
                RegionDto.of(o.region), !"CN".equals(o.region.country));
    }

    /** The same attributes, whatever the day they took effect. */
    boolean sameAttributes(AttributeVersion other) {
        return new AttributeVersion(null, kind, schoolLevel, enterpriseSize, industryChains, region, overseas)
                .equals(new AttributeVersion(null, other.kind, other.schoolLevel, other.enterpriseSize,
                        other.industryChains, other.region, other.overseas));
    }
}

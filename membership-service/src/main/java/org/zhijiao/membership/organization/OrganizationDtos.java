package org.zhijiao.membership.organization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.zhijiao.commons.web.Versioned;

public final class OrganizationDtos {

    private OrganizationDtos() {
    }

    @Schema(name = "Region")
    public record RegionDto(
            @NotBlank @Size(max = 100) @Schema(example = "青岛市") String city,
            @Size(max = 100) @Schema(example = "山东省") String province,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as CN or NP")
            @Schema(example = "CN") String country) {

        static RegionDto of(Region region) {
            return new RegionDto(region.city, region.province, region.country);
        }

        Region toRegion() {
            return new Region(city, province, country);
        }
    }

    @Schema(name = "OrganizationRequest", description = "An organization as registered by the secretariat")
    public record OrganizationRequest(
            @NotBlank @Size(max = 200) @Schema(example = "青岛示例智能制造有限公司（虚构）") String nameZh,
            @Size(max = 300) @Schema(example = "Qingdao Example Smart Manufacturing Co., Ltd. (fictional)") String nameEn,
            @CreditCode @Schema(description = "统一社会信用代码; required for organizations in China",
                    example = "91370200MA3C0000XD") String creditCode,
            @NotNull @Schema(example = "ENTERPRISE") OrganizationKind kind,
            @Schema(description = "Required for schools") SchoolLevel schoolLevel,
            @Schema(description = "Enterprises only") EnterpriseSize enterpriseSize,
            @Size(max = 30) @Schema(description = "Codes of the industry chains served (reference data)",
                    example = "[\"IC-SMART-HOME\"]")
            Set<@NotBlank @Size(max = 40) String> industryChains,
            @NotNull @Valid RegionDto region,
            @Schema(description = "Day from which a change of kind, level, size, industry chains or region takes "
                    + "effect in the reports (default today; not in the future, not before the last change)",
                    example = "2024-03-01") LocalDate effectiveOn) {
    }

    @Schema(name = "CampusRequest")
    public record CampusRequest(
            @NotBlank @Size(max = 200) @Schema(example = "青岛电子学校尼泊尔分校") String nameZh,
            @Size(max = 300) @Schema(example = "Qingdao Electronic School Nepal Campus") String nameEn,
            @NotNull @Valid RegionDto region,
            @NotNull @Schema(example = "UNDER_CONSTRUCTION") CampusStatus status,
            LocalDate openedOn) {
    }

    @Schema(name = "Campus")
    public record CampusView(UUID id, String nameZh, String nameEn, RegionDto region, CampusStatus status,
            LocalDate openedOn) {

        static CampusView of(Campus campus) {
            return new CampusView(campus.id, campus.name.zh(), campus.name.en(), RegionDto.of(campus.region),
                    campus.status, campus.openedOn);
        }
    }

    @Schema(name = "Organization")
    public record OrganizationView(
            UUID id,
            String nameZh,
            String nameEn,
            String creditCode,
            OrganizationKind kind,
            SchoolLevel schoolLevel,
            EnterpriseSize enterpriseSize,
            Set<String> industryChains,
            RegionDto region,
            @Schema(description = "True when the organization is outside mainland China") boolean overseas,
            List<CampusView> campuses,
            @Schema(description = "Kind, level, size, industry chains and region as dated versions, the current one "
                    + "last: reports of a past day use the version in force then") List<AttributeVersion> attributeHistory,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            @Schema(description = "Per-organization sequence, +1 per change; the ETag", example = "0") long version)
            implements Versioned {

        public static OrganizationView of(Organization o) {
            return new OrganizationView(o.id, o.name.zh(), o.name.en(), o.creditCode, o.kind, o.schoolLevel,
                    o.enterpriseSize, Set.copyOf(o.industryChains), RegionDto.of(o.region),
                    !"CN".equals(o.region.country),
                    o.campuses.stream().map(CampusView::of).toList(), List.copyOf(o.attributeHistory), o.createdAt,
                    o.updatedAt, o.version);
        }
    }
}

package org.zhijiao.apprenticeship.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The parts of the membership events the directory keeps. Other fields are ignored so that the
 * producer may add to its contract without breaking this consumer.
 */
final class DirectoryEvents {

    private DirectoryEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrganizationData(UUID id, String nameZh, String nameEn, OrganizationKind kind, Long version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MembershipData(UUID id, UUID organizationId, OrganizationKind organizationKind, String status,
            OffsetDateTime createdAt, Long version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferenceItemData(String kind, String code, String nameZh, String nameEn, LocalDate retiredOn,
            Long version) {
    }
}

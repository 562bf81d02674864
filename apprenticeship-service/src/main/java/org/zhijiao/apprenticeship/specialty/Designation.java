package org.zhijiao.apprenticeship.specialty;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.UUID;
import org.zhijiao.commons.aggregate.Validity;

/** A designation a specialty holds over its {@code validity} (open-ended while it has no last day). */
@Embeddable
public record Designation(
        @Column(name = "designation_id", nullable = false) UUID id,
        @Enumerated(EnumType.STRING) @Column(nullable = false) DesignationLevel level,
        @Enumerated(EnumType.STRING) @Column(nullable = false) DesignationKind kind,
        @Column(length = 300) String title,
        @Embedded Validity validity) {

    public boolean overlaps(DesignationLevel level, DesignationKind kind, LocalDate from, LocalDate until) {
        return this.level == level && this.kind == kind && validity.overlaps(from, until);
    }
}

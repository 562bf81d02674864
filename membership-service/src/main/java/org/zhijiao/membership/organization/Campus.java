package org.zhijiao.membership.organization;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.UUID;
import org.zhijiao.commons.aggregate.BilingualName;

/** A branch campus of a school (e.g. overseas): part of its organization, not a member itself. */
@Embeddable
public class Campus {

    @Column(name = "campus_id", nullable = false)
    public UUID id;

    @Embedded
    public BilingualName name;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "city", column = @Column(name = "city", nullable = false)),
        @AttributeOverride(name = "province", column = @Column(name = "province")),
        @AttributeOverride(name = "country", column = @Column(name = "country", nullable = false, length = 2))
    })
    public Region region;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CampusStatus status;

    @Column(name = "opened_on")
    public LocalDate openedOn;
}

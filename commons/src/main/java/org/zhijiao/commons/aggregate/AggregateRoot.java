package org.zhijiao.commons.aggregate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What every aggregate of every service has: a time-ordered id, the day and time it was created, and a
 * version that is both its ETag and the version of the events it publishes.
 */
@MappedSuperclass
public abstract class AggregateRoot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;
}

package org.zhijiao.apprenticeship.common;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.MappedSuperclass;
import org.zhijiao.commons.aggregate.LifecycleAggregate;

/**
 * A lifecycle aggregate of this service: its dated history lives in one table for all aggregates.
 */
@MappedSuperclass
@AssociationOverride(name = "history", joinTable = @JoinTable(name = "lifecycle_transition",
        joinColumns = @JoinColumn(name = "aggregate_id")))
public abstract class LifecycleEntity<S extends Enum<S>, A extends Enum<A>> extends LifecycleAggregate<S, A> {
}

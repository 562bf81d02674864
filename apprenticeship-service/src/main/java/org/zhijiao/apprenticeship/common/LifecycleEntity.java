package org.zhijiao.apprenticeship.common;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OrderColumn;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.zhijiao.commons.aggregate.LifecycleAggregate;
import org.zhijiao.commons.lifecycle.Transition;

/**
 * A lifecycle aggregate of this service: its dated history lives in one table for all aggregates.
 */
@MappedSuperclass
public abstract class LifecycleEntity extends LifecycleAggregate {

    @ElementCollection
    @CollectionTable(name = "lifecycle_transition", joinColumns = @JoinColumn(name = "aggregate_id"))
    @OrderColumn(name = "seq")
    @BatchSize(size = 200)
    public List<Transition> history = new ArrayList<>();

    @Override
    protected List<Transition> history() {
        return history;
    }
}

package org.zhijiao.apprenticeship.common;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.zhijiao.commons.lifecycle.History;
import org.zhijiao.commons.lifecycle.Lifecycle;
import org.zhijiao.commons.lifecycle.Transition;
import org.zhijiao.commons.web.Ids;

/**
 * What every aggregate of this service shares: a time-ordered id, a version (the ETag and the event
 * version) and a dated lifecycle history, kept in one table for all aggregates.
 */
@MappedSuperclass
public abstract class LifecycleEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @ElementCollection
    @CollectionTable(name = "lifecycle_transition", joinColumns = @JoinColumn(name = "aggregate_id"))
    @OrderColumn(name = "seq")
    @BatchSize(size = 200)
    public List<Transition> history = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;

    /** Gives a new aggregate its id and the first step of its history. */
    protected void begin(Enum<?> initial, Enum<?> action, LocalDate on, String by, LocalDate today) {
        id = Ids.newId();
        createdAt = OffsetDateTime.now();
        History.append(history, initial, action, on, null, by, today);
    }

    /** Moves from {@code from} by {@code action} if the lifecycle allows it (else a 409), recording the step. */
    protected <S extends Enum<S>, A extends Enum<A>> S step(Lifecycle<S, A> lifecycle, S from, A action, LocalDate on,
            String reason, String by, LocalDate today) {
        S next = lifecycle.next(from, action, id);
        History.append(history, next, action, on, reason, by, today);
        return next;
    }

    /** The day the last step took effect. */
    public LocalDate lastStepOn() {
        return history.get(history.size() - 1).on;
    }
}

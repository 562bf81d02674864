package org.zhijiao.commons.aggregate;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OrderColumn;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.zhijiao.commons.lifecycle.History;
import org.zhijiao.commons.lifecycle.Lifecycle;
import org.zhijiao.commons.lifecycle.Transition;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.web.Ids;

/**
 * An aggregate that moves through a {@link Lifecycle} and keeps every step, dated, in its history. The
 * status (column {@code status} of its table), the history, the first step and every transition are
 * handled here, the same way everywhere; the aggregate names its lifecycle table, says in which table its
 * history lives (one per aggregate, or one for all) with
 * {@code @AssociationOverride(name = "history", joinTable = @JoinTable(...))}, and overrides
 * {@link #transition} only to add its own guards.
 *
 * @param <S> its states
 * @param <A> the actions clients take on it
 */
@MappedSuperclass
public abstract class LifecycleAggregate<S extends Enum<S>, A extends Enum<A>> extends AggregateRoot {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public S status;

    /** The dated steps, oldest first. */
    @ElementCollection(fetch = FetchType.EAGER)
    @OrderColumn(name = "seq")
    @BatchSize(size = 200)
    public List<Transition> history = new ArrayList<>();

    /** Its rules: which action moves it from which state to which. */
    protected abstract Lifecycle<S, A> lifecycle();

    /**
     * Gives a new aggregate its id (unless it has one), the lifecycle's initial state and the first step of
     * its history, effective {@code on} (today when null).
     */
    protected Transition begin(LocalDate on, String by, LocalDate today) {
        if (id == null) {
            id = Ids.newId();
        }
        createdAt = OffsetDateTime.now();
        status = lifecycle().initial();
        return History.append(history, status, lifecycle().startedBy(), on, null, by, today);
    }

    /**
     * Moves it on by {@code action}, effective {@code on}, if the lifecycle allows it (else a 409), and
     * records the step, which it returns.
     */
    public Transition transition(A action, LocalDate on, String reason, String by, LocalDate today) {
        S next = lifecycle().next(status, action, id);
        Transition step = History.append(history, next, action.name(), on, reason, by, today);
        status = next;
        return step;
    }

    /** A 409 unless it is still in a state that has a way on: its end states are final. */
    public void requireNotTerminal(String what) {
        if (lifecycle().isTerminal(status)) {
            throw ProblemException.invalidTransition(lifecycle().aggregate(), id, status, what);
        }
    }

    /** The last step taken. */
    public Transition lastStep() {
        return history.get(history.size() - 1);
    }

    /** The day the last step took effect. */
    public LocalDate lastStepOn() {
        return lastStep().on;
    }

    /** The state in force on {@code day}, or null if the aggregate did not exist yet. */
    public S statusOn(LocalDate day) {
        String status = History.statusOn(history, day);
        return status == null ? null : Enum.valueOf(lifecycle().initial().getDeclaringClass(), status);
    }
}

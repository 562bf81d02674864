package org.zhijiao.commons.aggregate;

import jakarta.persistence.MappedSuperclass;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.zhijiao.commons.lifecycle.History;
import org.zhijiao.commons.lifecycle.Lifecycle;
import org.zhijiao.commons.lifecycle.Transition;
import org.zhijiao.commons.web.Ids;

/**
 * An aggregate that moves through a {@link Lifecycle} and keeps every step, dated, in its history. Each
 * service maps the history where it keeps it (one table per aggregate, or one for all) and returns it
 * from {@link #history()}; the steps themselves are taken here, the same way everywhere.
 */
@MappedSuperclass
public abstract class LifecycleAggregate extends AggregateRoot {

    /** The dated steps, oldest first. */
    protected abstract List<Transition> history();

    /** Gives a new aggregate its id (unless it has one) and the first step of its history. */
    protected Transition begin(Enum<?> initial, Enum<?> action, LocalDate on, String by, LocalDate today) {
        if (id == null) {
            id = Ids.newId();
        }
        createdAt = OffsetDateTime.now();
        return History.append(history(), initial, action, on, null, by, today);
    }

    /** Moves from {@code from} by {@code action} if the lifecycle allows it (else a 409), recording the step. */
    protected <S extends Enum<S>, A extends Enum<A>> S step(Lifecycle<S, A> lifecycle, S from, A action, LocalDate on,
            String reason, String by, LocalDate today) {
        S next = lifecycle.next(from, action, id);
        History.append(history(), next, action, on, reason, by, today);
        return next;
    }

    /** The last step taken. */
    public Transition lastStep() {
        List<Transition> steps = history();
        return steps.get(steps.size() - 1);
    }

    /** The day the last step took effect. */
    public LocalDate lastStepOn() {
        return lastStep().on;
    }

    /** The state in force on {@code day}, or null if the aggregate did not exist yet. */
    protected <S extends Enum<S>> S statusOn(Class<S> states, LocalDate day) {
        String status = History.statusOn(history(), day);
        return status == null ? null : Enum.valueOf(states, status);
    }
}

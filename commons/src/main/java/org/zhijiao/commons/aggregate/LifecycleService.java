package org.zhijiao.commons.aggregate;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The service of a {@link LifecycleAggregate}: besides what {@link AggregateService} does, it moves one
 * along its lifecycle and publishes the step as the change its lifecycle table names for the action.
 *
 * @param <E> the entity
 * @param <A> the actions clients take on it
 * @param <V> its representation, served and published
 */
public abstract class LifecycleService<E extends LifecycleAggregate<?, A>, A extends Enum<A>, V>
        extends AggregateService<E, V> {

    protected LifecycleService(AggregateKind<E, V> kind) {
        super(kind);
    }

    /**
     * Moves the aggregate on by {@code action}, effective {@code on} (today when null), once If-Match names
     * its version, and publishes it as {@code org.zhijiao.<aggregate>.<change>} (e.g. {@code approved} for APPROVE).
     */
    protected V transition(UUID id, A action, LocalDate on, String reason, String ifMatch, String by) {
        E aggregate = findForChange(id, ifMatch);
        aggregate.transition(action, on, reason, by, today());
        return publish(aggregate, aggregate.lifecycle().change(action));
    }
}

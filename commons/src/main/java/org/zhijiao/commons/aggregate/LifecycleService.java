package org.zhijiao.commons.aggregate;

import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.function.Consumer;
import org.zhijiao.commons.lifecycle.StepRequest;

/**
 * The service of a {@link LifecycleAggregate}: besides what {@link AggregateService} does, it moves one
 * along its lifecycle and publishes the step as the change its lifecycle table names for the action.
 * Guards that need only the aggregate live in the aggregate ({@link LifecycleAggregate#transition}); a
 * service that must lock the row first overrides {@link #findForTransition}, and one whose step reads
 * other aggregates or does more than the step passes its own step to {@link #transition(UUID, Enum, String,
 * Consumer)}.
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
     * Moves the aggregate on by the request's action, effective its day (today when null), once If-Match
     * names its version, and publishes it as {@code org.zhijiao.<aggregate>.<change>} (e.g. {@code approved}
     * for APPROVE).
     */
    @Transactional
    public V transition(UUID id, StepRequest<A> request, String ifMatch, String by) {
        return transition(id, request.action(), ifMatch,
                aggregate -> aggregate.transition(request.action(), request.on(), request.reason(), by, today()));
    }

    /**
     * Loads the aggregate for {@link #findForTransition}, lets {@code step} move it on by {@code action} (and
     * do what else belongs to that step), then publishes it as the change the lifecycle names for the action.
     */
    protected V transition(UUID id, A action, String ifMatch, Consumer<E> step) {
        E aggregate = findForTransition(id, ifMatch);
        step.accept(aggregate);
        return publish(aggregate, aggregate.lifecycle().change(action));
    }

    /**
     * Edits the fields of an aggregate that has not reached an end state (else a 409), once If-Match names its
     * version, and publishes it as {@code changed}; an edit that changes nothing publishes nothing.
     */
    protected V edit(UUID id, String ifMatch, Consumer<E> edit) {
        E aggregate = findForChange(id, ifMatch);
        aggregate.requireNotTerminal("change");
        edit.accept(aggregate);
        return publish(aggregate, "changed");
    }

    /** The aggregate about to take a step: 404 if absent, 428/412 unless If-Match names its version. */
    protected E findForTransition(UUID id, String ifMatch) {
        return findForChange(id, ifMatch);
    }
}

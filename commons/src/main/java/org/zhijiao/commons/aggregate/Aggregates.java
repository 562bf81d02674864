package org.zhijiao.commons.aggregate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.zhijiao.commons.events.Outbox;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.web.ETags;

/**
 * The steps every aggregate service takes the same way: load one or answer 404, check the caller's
 * If-Match against its version, and publish its new state through the outbox in the transaction of the
 * change. The services keep what is their own: the rules, the fields, who may do what.
 */
@ApplicationScoped
public class Aggregates {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    /** The aggregate's representation, if it exists. */
    public <E extends AggregateRoot, V> Optional<V> view(AggregateKind<E, V> kind, UUID id) {
        return Optional.ofNullable(em.find(kind.type(), id)).map(kind.view());
    }

    /** The aggregate, or a 404 problem naming it. */
    public <E extends AggregateRoot> E find(AggregateKind<E, ?> kind, UUID id) {
        return find(kind, id, LockModeType.NONE);
    }

    /** The aggregate with its row locked as {@code lock} says for the rest of the transaction, or a 404. */
    public <E extends AggregateRoot> E find(AggregateKind<E, ?> kind, UUID id, LockModeType lock) {
        E aggregate = em.find(kind.type(), id, lock);
        if (aggregate == null) {
            throw ProblemException.notFound(kind.title(), id);
        }
        return aggregate;
    }

    /**
     * The aggregate, if the caller may see it: another tenant's object is answered as if it did not exist
     * (404), so its existence does not leak.
     */
    public <E extends AggregateRoot> E findVisible(AggregateKind<E, ?> kind, UUID id, Predicate<E> visible) {
        E aggregate = find(kind, id);
        if (!visible.test(aggregate)) {
            throw ProblemException.notFound(kind.title(), id);
        }
        return aggregate;
    }

    /** The aggregate about to change, after checking the required If-Match against its version (428/412). */
    public <E extends AggregateRoot> E findForChange(AggregateKind<E, ?> kind, UUID id, String ifMatch) {
        E aggregate = find(kind, id);
        ETags.requireIfMatch(ifMatch, aggregate.version);
        return aggregate;
    }

    /**
     * Writes the change and, if it is one (new, or a new version), publishes the aggregate's whole new state
     * as {@code org.zhijiao.<aggregate>.<change>}; a request that changes nothing keeps the version and
     * publishes nothing. Returns the new representation.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends AggregateRoot, V> V publish(AggregateKind<E, V> kind, E aggregate, String change) {
        boolean changed = outbox.flushChanges(aggregate);
        V view = kind.view().apply(aggregate);
        if (changed) {
            outbox.publish(kind.topic(), kind.eventType(change), aggregate.id, view);
        }
        return view;
    }
}

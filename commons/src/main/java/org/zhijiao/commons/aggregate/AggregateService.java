package org.zhijiao.commons.aggregate;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.zhijiao.commons.web.Page;

/**
 * What every aggregate's service does the same way, so that the service itself holds only its own rules:
 * read one, load one for a change (404, then If-Match), list a page, publish the new state through the
 * outbox. A service extends it with its {@link AggregateKind}:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class SpecialtyService extends AggregateService<Specialty, SpecialtyView> {
 *     public SpecialtyService() {
 *         super(new AggregateKind<>("Specialty", Specialty.class, Topics.SPECIALTIES, "specialty", SpecialtyView::of));
 *     }
 * }
 * }</pre>
 *
 * @param <E> the entity
 * @param <V> its representation, served and published
 */
public abstract class AggregateService<E extends AggregateRoot, V> {

    @Inject
    protected Aggregates aggregates;

    @Inject
    protected EntityManager em;

    @Inject
    protected Clock clock;

    protected final AggregateKind<E, V> kind;

    protected AggregateService(AggregateKind<E, V> kind) {
        this.kind = kind;
    }

    /** The representation, if the aggregate exists; the resource decides whether the caller may see it. */
    @Transactional
    public Optional<V> get(UUID id) {
        return aggregates.view(kind, id);
    }

    /** The aggregate or a 404, for the resource's object-level access checks and the service's own steps. */
    @Transactional
    public E find(UUID id) {
        return aggregates.find(kind, id);
    }

    /**
     * The aggregate, if {@code visible} (the resource's access rule, checked in the transaction so it may
     * read the aggregate's collections) lets the caller see it; another tenant's object is a 404 like a
     * missing one.
     */
    @Transactional
    public E findVisible(UUID id, Predicate<? super E> visible) {
        return aggregates.findVisible(kind, id, visible::test);
    }

    /** The aggregate about to change: 404 if absent, 428/412 unless If-Match names its version. */
    protected E findForChange(UUID id, String ifMatch) {
        return aggregates.findForChange(kind, id, ifMatch);
    }

    /** Stores a new aggregate and publishes it as {@code org.zhijiao.<aggregate>.<change>}. */
    protected V create(E aggregate, String change) {
        aggregate.persist();
        return publish(aggregate, change);
    }

    /** Writes the change and publishes the new state (if it is one) as {@code org.zhijiao.<aggregate>.<change>}. */
    protected V publish(E aggregate, String change) {
        return aggregates.publish(kind, aggregate, change);
    }

    /** One page of the aggregates {@code filter} lets through, in id order, as representations. */
    @Transactional
    public Page<V> list(ListFilter filter, String cursor, int limit) {
        return filter.query().page(em, kind.type(), cursor, limit).map(kind.view());
    }

    /** Today in the group's time zone: the default effective day of a step. */
    protected LocalDate today() {
        return LocalDate.now(clock);
    }
}

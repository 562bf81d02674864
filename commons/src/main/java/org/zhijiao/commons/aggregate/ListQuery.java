package org.zhijiao.commons.aggregate;

import jakarta.persistence.EntityManager;
import org.zhijiao.commons.web.Page;

/**
 * What the filters of an aggregate list select, a page at a time in the order of the aggregates' time-ordered
 * ids: {@link Where} in JPQL on the entity's fields, or {@link IdQuery} in SQL on its table.
 */
public sealed interface ListQuery permits Where, IdQuery {

    /** The page of the aggregates of {@code type} that match, after {@code cursor}'s id, oldest first. */
    <E extends AggregateRoot> Page<E> page(EntityManager em, Class<E> type, String cursor, int limit);
}

package org.zhijiao.commons.aggregate;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.zhijiao.commons.web.Cursors;
import org.zhijiao.commons.web.Page;

/**
 * The filters of an aggregate list in SQL on its table (a {@link Where} whose conditions name columns): a page's
 * ids are selected first, and its aggregates then loaded in one query, in id order.
 */
public final class IdQuery implements ListQuery {

    private final String table;
    private final Where where = Where.all();

    private IdQuery(String table) {
        this.table = table;
    }

    /** Ids of {@code table}, aliased {@code t} in conditions. */
    public static IdQuery from(String table) {
        return new IdQuery(table);
    }

    /**
     * Adds {@code condition} (using {@code :name}) when {@code value} is given; a null value means "any". An
     * enum is bound by its name, as the table stores it.
     */
    public IdQuery and(String condition, String name, Object value) {
        where.and(condition, name, value instanceof Enum<?> e ? e.name() : value);
        return this;
    }

    @Override
    public <E extends AggregateRoot> Page<E> page(EntityManager em, Class<E> type, String cursor, int limit) {
        List<UUID> ids = where.keyset(conditions -> em.createNativeQuery(
                "SELECT t.id FROM " + table + " t WHERE " + conditions, UUID.class), "t.id", cursor, limit + 1, true);
        Page<UUID> page = Cursors.page(ids, limit, Function.identity());
        Map<UUID, E> loaded = new HashMap<>();
        if (!page.items().isEmpty()) {
            em.createQuery("FROM " + em.getMetamodel().entity(type).getName() + " WHERE id IN :ids", type)
                    .setParameter("ids", page.items()).getResultList()
                    .forEach(aggregate -> loaded.put(aggregate.id, aggregate));
        }
        return page.map(loaded::get);
    }
}

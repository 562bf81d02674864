package org.zhijiao.commons.aggregate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.zhijiao.commons.web.Cursors;
import org.zhijiao.commons.web.Page;

/**
 * A keyset-paginated list of aggregate ids, filtered in SQL: conditions are added only for the
 * filters given, and the page's aggregates are then loaded in one query, in id order.
 */
public final class IdQuery {

    private final String table;
    private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    private final Map<String, Object> params = new HashMap<>();

    private IdQuery(String table) {
        this.table = table;
    }

    /** Ids of {@code table}, aliased {@code t} in conditions. */
    public static IdQuery from(String table) {
        return new IdQuery(table);
    }

    /** Adds {@code condition} (using {@code :name}) when {@code value} is given; a null value means "any". */
    public IdQuery and(String condition, String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            params.put(name, value instanceof Enum<?> e ? e.name() : value);
        }
        return this;
    }

    /** The page of aggregates of {@code kind} after {@code cursor}, as their representations. */
    public <E extends AggregateRoot, V> Page<V> page(EntityManager em, String cursor, int limit,
            AggregateKind<E, V> kind) {
        String entity = em.getMetamodel().entity(kind.type()).getName();
        return page(em, cursor, limit, ids -> em.createQuery("FROM " + entity + " WHERE id IN :ids", kind.type())
                .setParameter("ids", ids).getResultList(), e -> e.id, kind.view());
    }

    public <E, V> Page<V> page(EntityManager em, String cursor, int limit, Function<List<UUID>, List<E>> load,
            Function<E, UUID> idOf, Function<E, V> view) {
        StringBuilder sql = new StringBuilder("SELECT t.id FROM ").append(table).append(" t").append(where);
        UUID after = Cursors.decode(cursor);
        if (after != null) {
            sql.append(" AND t.id > :after");
        }
        sql.append(" ORDER BY t.id LIMIT :limit");
        Query query = em.createNativeQuery(sql.toString(), UUID.class);
        params.forEach(query::setParameter);
        if (after != null) {
            query.setParameter("after", after);
        }
        query.setParameter("limit", limit + 1);
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        Page<UUID> page = Cursors.page(ids, limit, Function.identity());
        Map<UUID, E> loaded = new LinkedHashMap<>();
        if (!page.items().isEmpty()) {
            load.apply(page.items()).forEach(entity -> loaded.put(idOf.apply(entity), entity));
        }
        return page.map(id -> view.apply(loaded.get(id)));
    }
}

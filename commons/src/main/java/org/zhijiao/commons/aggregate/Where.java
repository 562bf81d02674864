package org.zhijiao.commons.aggregate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.zhijiao.commons.web.Cursors;
import org.zhijiao.commons.web.Page;

/**
 * The filters of a list in JPQL (entity field names): a condition is added only for a filter that is
 * given, so a null value means "any". Rows come a page at a time in the order of their time-ordered ids,
 * oldest or newest first, after the cursor; see {@link AggregateService#page(Where, String, int)}.
 * {@link IdQuery} is the same in SQL.
 */
public final class Where {

    private final StringBuilder conditions = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new HashMap<>();

    private Where() {
    }

    public static Where all() {
        return new Where();
    }

    /** Adds {@code condition} (using {@code :name}) when {@code value} is given. */
    public Where and(String condition, String name, Object value) {
        if (value != null) {
            conditions.append(" and ").append(condition);
            params.put(name, value);
        }
        return this;
    }

    /** Adds {@code condition}, which takes no parameter, when {@code when} holds. */
    public Where and(boolean when, String condition) {
        if (when) {
            conditions.append(" and ").append(condition);
        }
        return this;
    }

    /** One page of the rows of {@code type} that match, oldest first, after the cursor's id. */
    public <E> Page<E> page(EntityManager em, Class<E> type, Function<E, UUID> idOf, String cursor, int limit) {
        return Cursors.page(rows(em, type, cursor, limit + 1, true), limit, idOf);
    }

    /** One page of the rows of {@code type} that match, newest first, after the cursor's id. */
    public <E> Page<E> newestFirst(EntityManager em, Class<E> type, Function<E, UUID> idOf, String cursor,
            int limit) {
        return Cursors.page(rows(em, type, cursor, limit + 1, false), limit, idOf);
    }

    private <E> List<E> rows(EntityManager em, Class<E> type, String cursor, int max, boolean ascending) {
        UUID after = Cursors.decode(cursor);
        String entity = em.getMetamodel().entity(type).getName();
        TypedQuery<E> query = em.createQuery("FROM " + entity + " WHERE " + conditions
                + (after == null ? "" : ascending ? " and id > :after" : " and id < :after")
                + (ascending ? " ORDER BY id" : " ORDER BY id DESC"), type);
        params.forEach(query::setParameter);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(max).getResultList();
    }
}

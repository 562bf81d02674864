package org.zhijiao.commons.aggregate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.zhijiao.commons.web.Cursors;
import org.zhijiao.commons.web.Page;

/**
 * The filters of a list: a condition is added only for a filter that is given, so a null value means "any".
 * Rows come a page at a time in the order of their time-ordered ids, oldest or newest first, after the cursor.
 * Here the conditions name entity fields (JPQL); {@link IdQuery} holds one whose conditions are SQL on a table.
 * Either way, {@link #keyset} is where a list's page is queried.
 */
public final class Where implements ListQuery {

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

    @Override
    public <E extends AggregateRoot> Page<E> page(EntityManager em, Class<E> type, String cursor, int limit) {
        return page(em, type, aggregate -> aggregate.id, cursor, limit);
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
        String entity = em.getMetamodel().entity(type).getName();
        return keyset(where -> em.createQuery("FROM " + entity + " WHERE " + where, type), "id", cursor, max,
                ascending);
    }

    /**
     * The first {@code max} rows that match after the cursor's id, in the order of {@code id} (the id's name in
     * the query). {@code query} makes the query from its WHERE clause: these conditions, then the keyset.
     */
    @SuppressWarnings("unchecked")
    <R> List<R> keyset(Function<String, Query> query, String id, String cursor, int max, boolean ascending) {
        UUID after = Cursors.decode(cursor);
        Query made = query.apply(conditions
                + (after == null ? "" : " and " + id + (ascending ? " > :after" : " < :after"))
                + " ORDER BY " + id + (ascending ? "" : " DESC"));
        params.forEach(made::setParameter);
        if (after != null) {
            made.setParameter("after", after);
        }
        return made.setMaxResults(max).getResultList();
    }
}

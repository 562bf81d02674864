package org.zhijiao.commons.aggregate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.zhijiao.commons.web.Cursors;

/**
 * The filters of an aggregate list in JPQL (entity field names): a condition is added only for a filter
 * that is given, so a null value means "any". Rows come in id order after the cursor; see
 * {@link AggregateService#page(Where, String, int)}. {@link IdQuery} is the same in SQL.
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

    /** Up to {@code max} aggregates of {@code type} that match, after the cursor's id, in id order. */
    <E extends AggregateRoot> List<E> rows(EntityManager em, Class<E> type, String cursor, int max) {
        UUID after = Cursors.decode(cursor);
        String entity = em.getMetamodel().entity(type).getName();
        TypedQuery<E> query = em.createQuery("FROM " + entity + " WHERE " + conditions
                + (after == null ? "" : " and id > :after") + " ORDER BY id", type);
        params.forEach(query::setParameter);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(max).getResultList();
    }
}

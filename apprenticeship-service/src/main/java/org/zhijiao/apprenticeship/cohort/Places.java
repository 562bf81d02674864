package org.zhijiao.apprenticeship.cohort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Places of an enterprise in a cohort. Whoever takes or reduces places first locks the
 * (cohort, enterprise) row, so concurrent enrollments are serialized per enterprise and a cohort
 * can never be overbooked; enrollments for different enterprises do not wait for each other.
 */
@ApplicationScoped
public class Places {

    @Inject
    EntityManager em;

    /** Locks the enterprise's row for the rest of the transaction; empty when it does not take part. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OptionalInt lock(UUID cohortId, UUID enterpriseId) {
        @SuppressWarnings("unchecked")
        List<Integer> places = em.createNativeQuery("""
                        SELECT places FROM cohort_enterprise WHERE cohort_id = ?1 AND enterprise_id = ?2
                        FOR UPDATE""", Integer.class)
                .setParameter(1, cohortId)
                .setParameter(2, enterpriseId)
                .getResultList();
        return places.isEmpty() ? OptionalInt.empty() : OptionalInt.of(places.get(0));
    }

    /** Places held by enrollments that have not been withdrawn (a completed apprentice used its place). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long taken(UUID cohortId, UUID enterpriseId) {
        return ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM enrollment
                        WHERE cohort_id = ?1 AND enterprise_id = ?2 AND status <> 'WITHDRAWN'""")
                .setParameter(1, cohortId)
                .setParameter(2, enterpriseId)
                .getSingleResult()).longValue();
    }

    /** Places taken per enterprise of a cohort. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Long> takenByEnterprise(UUID cohortId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT enterprise_id, count(*) FROM enrollment
                        WHERE cohort_id = ?1 AND status <> 'WITHDRAWN' GROUP BY enterprise_id""")
                .setParameter(1, cohortId)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> ((Number) r[1]).longValue()));
    }
}

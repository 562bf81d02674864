package org.zhijiao.commons.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.security.Caller;

/**
 * {@code Idempotency-Key} for creates: the first request with a key runs and its response is stored
 * in the same transaction; a retry with the same key (same caller) gets that response again instead
 * of creating twice, even when both arrive at once (the second waits on the key's row lock).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Caller caller;

    @ConfigProperty(name = "zhijiao.idempotency.retention", defaultValue = "P1D")
    Duration retention;

    /** What a create produced: where it lives, its representation and its version. */
    public record Created(URI location, Object body, long version) {

        /** An aggregate created at {@code collection/<id>}. */
        public static Created in(String collection, Versioned view) {
            return new Created(URI.create(collection + "/" + view.id()), view, view.version());
        }
    }

    /**
     * Runs {@code create} once per (caller, key). {@code request} and {@code path} fingerprint the
     * request, so reusing a key for a different request is a 422 rather than a silent replay.
     */
    @Transactional
    public Response create(String caller, String key, String path, Object request, Supplier<Created> create) {
        if (key == null) {
            return created(create.get());
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String fingerprint = fingerprint(path, request);
        int claimed = em.createNativeQuery("""
                        INSERT INTO idempotency_record (caller, idem_key, fingerprint, created_at)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, caller)
                .setParameter(2, key)
                .setParameter(3, fingerprint)
                .setParameter(4, OffsetDateTime.now())
                .executeUpdate();
        if (claimed == 1) {
            Created result = create.get();
            em.createNativeQuery("""
                            UPDATE idempotency_record SET status = 201, location = ?3, body = ?4
                            WHERE caller = ?1 AND idem_key = ?2""")
                    .setParameter(1, caller)
                    .setParameter(2, key)
                    .setParameter(3, result.location().toString())
                    .setParameter(4, json(result.body()))
                    .executeUpdate();
            return created(result);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT fingerprint, status, location, body FROM idempotency_record
                        WHERE caller = ?1 AND idem_key = ?2""")
                .setParameter(1, caller)
                .setParameter(2, key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!fingerprint.equals(row[0])) {
            throw ProblemException.unprocessable(HEADER, "was already used for a different request");
        }
        try {
            return Response.status(((Number) row[1]).intValue())
                    .location(URI.create((String) row[2]))
                    .entity(mapper.readTree((String) row[3]))
                    .header(REPLAYED_HEADER, "true")
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored idempotent response is not JSON", e);
        }
    }

    /**
     * As {@link #create(String, String, String, Object, Supplier)} for the calling client and the key it sent, for
     * an aggregate that then lives at {@code collection/<id>}: 201 with that Location, its representation and its
     * version as ETag.
     */
    @Transactional
    public Response createIn(IdempotencyKey key, String collection, Object request,
            Supplier<? extends Versioned> create) {
        return create(caller.clientId(), key.value(), collection, request, () -> Created.in(collection, create.get()));
    }

    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void purgeExpired() {
        em.createNativeQuery("DELETE FROM idempotency_record WHERE created_at < ?1")
                .setParameter(1, OffsetDateTime.now().minus(retention))
                .executeUpdate();
    }

    private static Response created(Created result) {
        return Response.created(result.location())
                .entity(result.body())
                .tag(new EntityTag(Long.toString(result.version())))
                .build();
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String fingerprint(String path, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(mapper.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

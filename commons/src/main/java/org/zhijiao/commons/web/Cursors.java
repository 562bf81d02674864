package org.zhijiao.commons.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.zhijiao.commons.problem.ProblemException;

/**
 * Keyset pagination over time-ordered ids ({@link Ids#newId()}): the cursor is the last id of the
 * page, so pages stay stable while rows are added.
 */
public final class Cursors {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private Cursors() {
    }

    public static UUID decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "not a cursor returned by this API");
        }
    }

    public static String encode(UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Cuts a result fetched with {@code limit + 1} rows into a page. */
    public static <T> Page<T> page(List<T> rowsPlusOne, int limit, Function<T, UUID> idOf) {
        if (rowsPlusOne.size() <= limit) {
            return new Page<>(rowsPlusOne, null);
        }
        List<T> items = rowsPlusOne.subList(0, limit);
        return new Page<>(List.copyOf(items), encode(idOf.apply(items.get(limit - 1))));
    }
}

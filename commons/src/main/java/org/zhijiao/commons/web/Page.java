package org.zhijiao.commons.web;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list; {@code nextCursor} is absent on the last page. */
public record Page<T>(
        List<T> items,
        @Schema(description = "Opaque cursor for the next page; absent on the last page") String nextCursor) {

    /** No items and no next page: a list the caller may not see, or nothing found. */
    public static <T> Page<T> empty() {
        return new Page<>(List.of(), null);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}

package org.zhijiao.commons.aggregate;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.zhijiao.commons.lifecycle.Transition;

/**
 * What the representation of a lifecycle aggregate shows the same way for every aggregate: its state, the
 * actions allowed in it, every dated step and when it was created. A view embeds it with
 * {@code @JsonUnwrapped}, so that its members stand in the view's JSON and schema as the view's own.
 *
 * @param <S> the aggregate's states
 * @param <A> the actions clients take on it
 */
public record LifecycleState<S extends Enum<S>, A extends Enum<A>>(
        S status,
        @Schema(description = "Actions allowed in the current state") Set<A> allowedActions,
        @Schema(description = "Every step with the day it took effect") List<Transition> history,
        OffsetDateTime createdAt) {

    public static <S extends Enum<S>, A extends Enum<A>> LifecycleState<S, A> of(LifecycleAggregate<S, A> aggregate) {
        return new LifecycleState<>(aggregate.status, aggregate.lifecycle().allowed(aggregate.status),
                List.copyOf(aggregate.history), aggregate.createdAt);
    }
}

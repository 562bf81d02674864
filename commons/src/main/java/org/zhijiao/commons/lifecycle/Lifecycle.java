package org.zhijiao.commons.lifecycle;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.zhijiao.commons.problem.Problem;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.problem.ProblemType;

/**
 * A state machine written once: which action moves an aggregate from which state to which. Every
 * aggregate keeps its rules in one static {@code Lifecycle}, and its tests walk the whole table.
 *
 * @param <S> the states
 * @param <A> the actions
 * @param aggregate the aggregate's name in problems ("Cannot approve program …")
 * @param initial the state it starts in
 * @param startedBy the action recorded for the first step, which no client performs (e.g. {@code PLAN})
 * @param rules where each action leads from each state it is allowed in
 * @param changes the change each action publishes, e.g. {@code approved}: the last part of the event type
 */
public record Lifecycle<S extends Enum<S>, A extends Enum<A>>(String aggregate, S initial, String startedBy,
        Map<A, Map<S, S>> rules, Map<A, String> changes) {

    /**
     * The rules of {@code aggregate}, which starts in {@code initial}; {@code startedBy} names the action
     * its history records for that first step, which no client performs (e.g. {@code PLAN}).
     */
    public static <S extends Enum<S>, A extends Enum<A>> Builder<S, A> of(String aggregate, Class<S> states,
            Class<A> actions, S initial, String startedBy) {
        return new Builder<>(aggregate, states, actions, initial, startedBy);
    }

    /** Where {@code action} leads from {@code from}, if it is allowed there. */
    public Optional<S> target(S from, A action) {
        return Optional.ofNullable(rules.getOrDefault(action, Map.of()).get(from));
    }

    /** The change {@code action} publishes. */
    public String change(A action) {
        return changes.get(action);
    }

    /** The next state, or a 409 {@code invalid-transition} problem naming the state and the action. */
    public S next(S from, A action, Object id) {
        return target(from, action).orElseThrow(() -> new ProblemException(ProblemType.INVALID_TRANSITION,
                "Cannot " + action.name().toLowerCase().replace('_', ' ') + " " + aggregate + " " + id
                        + " in state " + from + "; allowed here: " + allowed(from),
                java.util.List.of(new Problem.FieldError("action", "not allowed in state " + from))));
    }

    /** The actions allowed in a state, for clients that show only what can be done. */
    public Set<A> allowed(S from) {
        Set<A> allowed = new LinkedHashSet<>();
        rules.forEach((action, moves) -> {
            if (moves.containsKey(from)) {
                allowed.add(action);
            }
        });
        return allowed;
    }

    public boolean isTerminal(S state) {
        return allowed(state).isEmpty();
    }

    public static final class Builder<S extends Enum<S>, A extends Enum<A>> {
        private final String aggregate;
        private final Class<S> states;
        private final S initial;
        private final String startedBy;
        private final Map<A, Map<S, S>> rules;
        private final Map<A, String> changes;

        private Builder(String aggregate, Class<S> states, Class<A> actions, S initial, String startedBy) {
            this.aggregate = aggregate;
            this.states = states;
            this.initial = initial;
            this.startedBy = startedBy;
            this.rules = new EnumMap<>(actions);
            this.changes = new EnumMap<>(actions);
        }

        /** {@code action} takes any of {@code from} to {@code to}, and is published as {@code change}. */
        @SafeVarargs
        public final Builder<S, A> allow(A action, String change, S to, S... from) {
            changes.put(action, change);
            Map<S, S> moves = rules.computeIfAbsent(action, a -> new EnumMap<>(states));
            for (S source : from) {
                if (moves.put(source, to) != null) {
                    throw new IllegalStateException(aggregate + ": " + action + " from " + source + " defined twice");
                }
            }
            return this;
        }

        public Lifecycle<S, A> build() {
            Map<A, Map<S, S>> frozen = new EnumMap<>(rules);
            frozen.replaceAll((action, moves) -> Collections.unmodifiableMap(moves));
            return new Lifecycle<>(aggregate, initial, startedBy, Collections.unmodifiableMap(frozen),
                    Collections.unmodifiableMap(new EnumMap<>(changes)));
        }
    }
}

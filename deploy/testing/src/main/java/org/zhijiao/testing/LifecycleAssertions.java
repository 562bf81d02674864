package org.zhijiao.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.zhijiao.commons.lifecycle.Lifecycle;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.problem.ProblemType;

/** Checks a lifecycle against its designed transition table, the same way in every service. */
public final class LifecycleAssertions {

    private LifecycleAssertions() {
    }

    /**
     * Walks every (state, action) pair: those in {@code designed} ("STATE ACTION" → target state) lead
     * to their target and are listed as allowed; every other pair has no target and is refused.
     */
    public static <S extends Enum<S>, A extends Enum<A>> void assertExactly(Lifecycle<S, A> lifecycle, S[] states,
            A[] actions, Map<String, String> designed) {
        int allowed = 0;
        for (S state : states) {
            for (A action : actions) {
                String expected = designed.get(state + " " + action);
                var target = lifecycle.target(state, action);
                if (expected == null) {
                    assertThat(target).as(state + " " + action).isEmpty();
                    assertThatThrownBy(() -> lifecycle.next(state, action, "x")).isInstanceOf(ProblemException.class);
                } else {
                    allowed++;
                    assertThat(target).as(state + " " + action)
                            .hasValueSatisfying(t -> assertThat(t.name()).isEqualTo(expected));
                    assertThat(lifecycle.allowed(state)).contains(action);
                }
            }
        }
        assertThat(allowed).isEqualTo(designed.size());
    }

    /**
     * {@code action} from {@code state} is refused with an {@code invalid-transition} problem whose
     * message mentions each of {@code mentions} (the state, the action).
     */
    public static <S extends Enum<S>, A extends Enum<A>> void assertRefusal(Lifecycle<S, A> lifecycle, S state,
            A action, String... mentions) {
        assertThatThrownBy(() -> lifecycle.next(state, action, "x"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.INVALID_TRANSITION);
                    assertThat(e.getMessage()).contains(mentions);
                });
    }
}

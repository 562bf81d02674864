package org.zhijiao.commons.aggregate;

import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Changes to an aggregate's fields from a PUT or PATCH that touch only what differs, so that a request
 * that changes nothing keeps the version and publishes nothing.
 */
public final class Patch {

    private Patch() {
    }

    /** Sets the field to {@code value} if the request gives one: a field a PATCH leaves out keeps its value. */
    public static <T> void given(T value, Consumer<T> set) {
        if (value != null) {
            set.accept(value);
        }
    }

    /** Makes {@code set} hold exactly {@code wanted}, in place: an equal set put in its place is a change too. */
    public static <T> void replace(Set<T> set, Collection<? extends T> wanted) {
        set.retainAll(wanted);
        set.addAll(wanted);
    }
}

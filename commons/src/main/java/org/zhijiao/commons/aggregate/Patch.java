package org.zhijiao.commons.aggregate;

import java.util.function.Consumer;

/** The fields of a PATCH request: a field it leaves out (null) keeps its value. */
public final class Patch {

    private Patch() {
    }

    /** Sets the field to {@code value} if the request gives one. */
    public static <T> void given(T value, Consumer<T> set) {
        if (value != null) {
            set.accept(value);
        }
    }
}

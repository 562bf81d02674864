package org.zhijiao.commons.consumer;

/** How a background worker (a consumer, a folder, a rebuild) names a failure in its logs and its health. */
public final class Failures {

    private Failures() {
    }

    /** The innermost cause's type and message, e.g. {@code PSQLException: Connection refused}. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

package org.zhijiao.commons.web;

import jakarta.ws.rs.core.EntityTag;
import org.zhijiao.commons.problem.ProblemException;

/** Optimistic concurrency over HTTP: the ETag is the aggregate's version. */
public final class ETags {

    public static final String IF_MATCH = "If-Match";

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Checks a required {@code If-Match} header against the current version, so that two admins
     * editing the same object cannot overwrite each other unknowingly: absent is a 428, a weak or
     * stale tag a 412 (RFC 9110 §13.1.1 compares strongly).
     */
    public static void requireIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(IF_MATCH,
                    "If-Match is required: send the ETag of your last read of this resource");
        }
        checkIfMatch(ifMatch, currentVersion);
    }

    /**
     * Checks an optional {@code If-Match} header (absent means last-writer-wins) strongly against
     * the current version; for objects only one party edits. Shared objects use {@link #requireIfMatch}.
     */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String expected = "\"" + currentVersion + "\"";
        for (String candidate : ifMatch.split(",")) {
            if (candidate.trim().equals(expected)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed(
                "If-Match " + ifMatch + " does not match the current version " + expected);
    }

    /**
     * Whether an {@code If-None-Match} header matches the current tag; it compares weakly, as
     * RFC 9110 §13.1.2 says, so {@code W/"3"} matches version 3.
     */
    public static boolean noneMatchMatches(String ifNoneMatch, EntityTag current) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals("\"" + current.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }
}

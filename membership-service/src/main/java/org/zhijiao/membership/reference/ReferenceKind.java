package org.zhijiao.membership.reference;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of reference data the group maintains; each is a list of codes with names. */
public enum ReferenceKind {
    /** Specialty clusters (专业群), e.g. artificial intelligence. */
    SPECIALTY_CLUSTERS("specialty-clusters"),
    /** The city's industry chains (产业链) that members serve. */
    INDUSTRY_CHAINS("industry-chains"),
    /** Sub-alliances inside the group, e.g. the East–West cooperation alliance. */
    SUB_ALLIANCES("sub-alliances");

    private final String path;

    ReferenceKind(String path) {
        this.path = path;
    }

    @JsonValue
    public String path() {
        return path;
    }

    public static Optional<ReferenceKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}

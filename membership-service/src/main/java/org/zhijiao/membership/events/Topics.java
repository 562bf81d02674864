package org.zhijiao.membership.events;

import org.zhijiao.commons.aggregate.AggregateKind;

/** The topics membership-service publishes to, one per aggregate type (docs/events/). */
public final class Topics {

    public static final String ORGANIZATIONS = "zhijiao.membership.organizations";
    public static final String MEMBERSHIPS = "zhijiao.membership.memberships";
    public static final String AGREEMENTS = "zhijiao.membership.agreements";
    public static final String RECOGNITIONS = "zhijiao.membership.recognitions";
    public static final String REFERENCE_DATA = "zhijiao.membership.reference-data";

    private Topics() {
    }

    /** {@code org.zhijiao.<aggregate>.<change>}, e.g. {@code org.zhijiao.membership.activated}. */
    public static String type(String aggregate, String change) {
        return AggregateKind.eventType(aggregate, change);
    }
}

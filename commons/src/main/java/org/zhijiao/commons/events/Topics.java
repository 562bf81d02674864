package org.zhijiao.commons.events;

import java.util.List;

/**
 * The platform's topics, one per aggregate type (docs/conventions.md, "Events"; contracts in
 * docs/events/): the names the producers publish to and the consumers subscribe to, written once.
 */
public final class Topics {

    public static final String ORGANIZATIONS = "zhijiao.membership.organizations";
    public static final String MEMBERSHIPS = "zhijiao.membership.memberships";
    public static final String AGREEMENTS = "zhijiao.membership.agreements";
    public static final String RECOGNITIONS = "zhijiao.membership.recognitions";
    public static final String REFERENCE_DATA = "zhijiao.membership.reference-data";
    public static final String SPECIALTIES = "zhijiao.apprenticeship.specialties";
    public static final String PROGRAMS = "zhijiao.apprenticeship.programs";
    public static final String COHORTS = "zhijiao.apprenticeship.cohorts";
    public static final String ENROLLMENTS = "zhijiao.apprenticeship.enrollments";
    public static final String FACILITIES = "zhijiao.apprenticeship.facilities";

    /** Every aggregate topic, in a fixed order: membership's, then apprenticeship's. */
    public static final List<String> ALL = List.of(ORGANIZATIONS, MEMBERSHIPS, AGREEMENTS, RECOGNITIONS, REFERENCE_DATA,
            SPECIALTIES, PROGRAMS, COHORTS, ENROLLMENTS, FACILITIES);

    private Topics() {
    }
}

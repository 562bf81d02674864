package org.zhijiao.apprenticeship.events;

/** The topics apprenticeship-service publishes to, one per aggregate type (docs/events/). */
public final class Topics {

    public static final String SPECIALTIES = "zhijiao.apprenticeship.specialties";
    public static final String PROGRAMS = "zhijiao.apprenticeship.programs";
    public static final String COHORTS = "zhijiao.apprenticeship.cohorts";
    public static final String ENROLLMENTS = "zhijiao.apprenticeship.enrollments";
    public static final String FACILITIES = "zhijiao.apprenticeship.facilities";

    /** The membership topics the member directory is built from. */
    public static final String MEMBERSHIP_ORGANIZATIONS = "zhijiao.membership.organizations";
    public static final String MEMBERSHIP_MEMBERSHIPS = "zhijiao.membership.memberships";
    public static final String MEMBERSHIP_REFERENCE_DATA = "zhijiao.membership.reference-data";

    private Topics() {
    }
}

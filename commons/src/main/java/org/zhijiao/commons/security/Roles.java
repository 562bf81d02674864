package org.zhijiao.commons.security;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {

    /** The group secretariat: manages members, batches and the annual report. */
    public static final String GROUP_ADMIN = "group-admin";
    /** A member school: its own specialties, cohorts, enrollments and facilities. */
    public static final String SCHOOL = "school";
    /** A partner enterprise: only what concerns it. */
    public static final String ENTERPRISE = "enterprise";
    /** Reads everything, changes nothing (auditors, the education bureau). */
    public static final String READ_ONLY = "read-only";

    private Roles() {
    }
}

package org.zhijiao.apprenticeship.enrollment;

public enum EnrollmentStatus {
    /** Waiting for every party to confirm the tripartite agreement. */
    PENDING_AGREEMENT,
    REGISTERED, ACTIVE, PAUSED, COMPLETED, WITHDRAWN
}

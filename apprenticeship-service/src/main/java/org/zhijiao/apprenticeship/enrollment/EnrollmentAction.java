package org.zhijiao.apprenticeship.enrollment;

public enum EnrollmentAction {
    /** Allowed only once every party confirmed every section of the current agreement. */
    REGISTER,
    /** Training starts; the cohort must be running. */
    START,
    PAUSE, RESUME, COMPLETE, WITHDRAW
}

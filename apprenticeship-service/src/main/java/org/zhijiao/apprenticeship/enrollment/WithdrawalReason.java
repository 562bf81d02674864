package org.zhijiao.apprenticeship.enrollment;

public enum WithdrawalReason {
    /** Continues at another enterprise in a new enrollment. */
    CHANGED_ENTERPRISE,
    STUDENT_REQUEST, ENTERPRISE_REQUEST, ACADEMIC, HEALTH, OTHER
}

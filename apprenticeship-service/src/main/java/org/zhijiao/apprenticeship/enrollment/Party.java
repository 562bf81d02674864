package org.zhijiao.apprenticeship.enrollment;

/** The three parties of the agreement. The school records the student's and guardian's confirmation. */
public enum Party {
    STUDENT_GUARDIAN, SCHOOL, ENTERPRISE
}

package org.zhijiao.apprenticeship.enrollment;

public enum StaffRole {
    /** The enterprise's master (师傅) who trains the apprentice on the job. */
    MENTOR,
    /** The school's teacher who follows the student. */
    TEACHER
}

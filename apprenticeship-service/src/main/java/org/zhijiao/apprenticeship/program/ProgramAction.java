package org.zhijiao.apprenticeship.program;

public enum ProgramAction {
    /** The secretariat approves the training plan. */
    APPROVE,
    /** Changes are needed before it can be published. */
    RETURN_TO_DRAFT,
    /** Open to cohorts. */
    PUBLISH,
    RETIRE
}

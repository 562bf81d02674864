package org.zhijiao.apprenticeship.enrollment;

/** The sections of a tripartite apprenticeship agreement, each confirmed by every party. */
public enum AgreementSection {
    TRAINING_CONTENT, SCHEDULE, COMPENSATION, INSURANCE, ASSESSMENT
}

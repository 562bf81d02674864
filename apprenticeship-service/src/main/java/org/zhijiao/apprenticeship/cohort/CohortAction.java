package org.zhijiao.apprenticeship.cohort;

public enum CohortAction {
    OPEN_RECRUITMENT, START, CLOSE, CANCEL
}

package org.zhijiao.apprenticeship.cohort;

public enum CohortStatus {
    PLANNED, RECRUITING, ACTIVE, CLOSED, CANCELLED;

    /** Enterprises and their places can change until training starts. */
    public boolean acceptsPlaceChanges() {
        return this == PLANNED || this == RECRUITING;
    }

    /** Apprentices can be enrolled while recruiting, and late entrants once it runs. */
    public boolean acceptsEnrollments() {
        return this == RECRUITING || this == ACTIVE;
    }
}

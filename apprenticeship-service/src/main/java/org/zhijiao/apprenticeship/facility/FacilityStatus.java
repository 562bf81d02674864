package org.zhijiao.apprenticeship.facility;

public enum FacilityStatus {
    PLANNED,
    /** Established and in use; the ESTABLISH step's day is the establishment date. */
    OPERATIONAL,
    SUSPENDED, CLOSED
}

package org.zhijiao.membership.membership;

public enum MembershipStatus {
    APPLIED, UNDER_REVIEW, ACTIVE, SUSPENDED, WITHDRAWN, EXPELLED, REJECTED;

    /** A member on a given day is one whose membership was then active or suspended. */
    public boolean isMember() {
        return this == ACTIVE || this == SUSPENDED;
    }
}

package org.zhijiao.membership.membership;

public enum MembershipAction {
    /** The secretariat starts reviewing an application. */
    REVIEW,
    /** The council admits the applicant. */
    APPROVE,
    /** The council turns the application down. */
    REJECT,
    SUSPEND,
    REINSTATE,
    /** The member (or applicant) leaves of its own accord. */
    WITHDRAW,
    EXPEL
}

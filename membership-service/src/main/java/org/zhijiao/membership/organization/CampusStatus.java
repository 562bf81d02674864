package org.zhijiao.membership.organization;

public enum CampusStatus {
    PLANNED, UNDER_CONSTRUCTION, OPERATING, CLOSED
}

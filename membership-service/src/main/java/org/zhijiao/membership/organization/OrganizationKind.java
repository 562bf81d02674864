package org.zhijiao.membership.organization;

public enum OrganizationKind {
    SCHOOL, ENTERPRISE, INDUSTRY_ASSOCIATION, RESEARCH_INSTITUTE, GOVERNMENT, OTHER
}

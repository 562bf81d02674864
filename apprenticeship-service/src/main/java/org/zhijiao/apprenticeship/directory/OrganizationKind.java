package org.zhijiao.apprenticeship.directory;

/** Kinds of organization, as published on zhijiao.membership.organizations. */
public enum OrganizationKind {
    SCHOOL, ENTERPRISE, INDUSTRY_ASSOCIATION, RESEARCH_INSTITUTE, GOVERNMENT, OTHER
}

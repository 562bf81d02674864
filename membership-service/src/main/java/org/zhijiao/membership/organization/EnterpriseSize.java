package org.zhijiao.membership.organization;

/** Enterprise size under the national classification (大型, 中型, 小型, 微型). */
public enum EnterpriseSize {
    LARGE, MEDIUM, SMALL, MICRO
}

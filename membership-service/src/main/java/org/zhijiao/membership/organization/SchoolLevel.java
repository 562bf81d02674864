package org.zhijiao.membership.organization;

/** Level of a vocational school. */
public enum SchoolLevel {
    /** 中等职业学校 */
    SECONDARY_VOCATIONAL,
    /** 高等职业学校 (专科) */
    HIGHER_VOCATIONAL,
    /** 职业本科 */
    UNDERGRADUATE_VOCATIONAL
}

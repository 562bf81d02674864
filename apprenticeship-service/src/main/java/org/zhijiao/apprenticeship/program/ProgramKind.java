package org.zhijiao.apprenticeship.program;

public enum ProgramKind {
    /** 现代学徒制试点 */
    MODERN_APPRENTICESHIP_PILOT,
    /** 订单班: an enterprise orders a class trained for its jobs */
    ORDER_CLASS,
    /** 国际合作项目, e.g. China–Canada */
    INTERNATIONAL_COOPERATION
}

package org.zhijiao.apprenticeship.specialty;

/** 示范专业 / 品牌专业 / 特色专业. */
public enum DesignationKind {
    DEMONSTRATION, BRAND, FEATURED
}

package org.zhijiao.membership.agreement;

public enum AgreementKind {
    /** Modern apprenticeship (现代学徒制) cooperation. */
    APPRENTICESHIP,
    /** Co-built studio, factory-in-school or training base. */
    CO_BUILT_FACILITY,
    /** International cooperation project (e.g. China–Canada). */
    INTERNATIONAL,
    /** East–West and other regional cooperation. */
    REGIONAL,
    GENERAL
}

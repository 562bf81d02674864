package org.zhijiao.apprenticeship.specialty;

public enum SpecialtyStatus {
    /** The school admits students to it. */
    OFFERED,
    /** No longer admitting; kept for the record and for its designations. */
    DISCONTINUED
}

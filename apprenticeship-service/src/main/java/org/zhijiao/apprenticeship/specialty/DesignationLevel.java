package org.zhijiao.apprenticeship.specialty;

/** Who awarded a designation: the Ministry, the province or the city. */
public enum DesignationLevel {
    NATIONAL, PROVINCIAL, MUNICIPAL
}

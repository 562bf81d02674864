package org.zhijiao.apprenticeship.facility;

/** Who recognized the facility: the Ministry, the province, the city, or the group itself. */
public enum FacilityLevel {
    NATIONAL, PROVINCIAL, MUNICIPAL, GROUP
}

package org.zhijiao.apprenticeship.facility;

public enum FacilityType {
    /** 劳模工匠室 */
    MODEL_WORKER_STUDIO,
    /** 大师工作室 */
    MASTER_STUDIO,
    /** 校中厂 */
    FACTORY_IN_SCHOOL,
    /** e.g. the AI or industrial-internet training center */
    TRAINING_CENTER,
    /** 校外实训基地 */
    OFF_CAMPUS_BASE
}

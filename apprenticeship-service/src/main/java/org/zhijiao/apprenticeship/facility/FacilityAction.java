package org.zhijiao.apprenticeship.facility;

public enum FacilityAction {
    ESTABLISH, SUSPEND, RESUME, CLOSE
}

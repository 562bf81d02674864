package org.zhijiao.apprenticeship.specialty;

public enum SpecialtyAction {
    DISCONTINUE, RESUME
}

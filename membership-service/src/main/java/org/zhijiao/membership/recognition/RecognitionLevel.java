package org.zhijiao.membership.recognition;

public enum RecognitionLevel {
    NATIONAL, PROVINCIAL, MUNICIPAL, DISTRICT, INDUSTRY
}

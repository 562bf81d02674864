package org.zhijiao.membership.recognition;

public enum RecognitionStatus {
    GRANTED, REVOKED
}

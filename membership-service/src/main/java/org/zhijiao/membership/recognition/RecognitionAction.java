package org.zhijiao.membership.recognition;

public enum RecognitionAction {
    GRANT, REVOKE
}

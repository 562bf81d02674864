package org.zhijiao.membership.agreement;

public enum AgreementStatus {
    DRAFT, PENDING_SIGNATURE, SIGNED, EXPIRED, TERMINATED, SUPERSEDED
}

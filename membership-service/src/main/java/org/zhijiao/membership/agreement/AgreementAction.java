package org.zhijiao.membership.agreement;

public enum AgreementAction {
    /** Sends the draft to the parties for signature. */
    SUBMIT,
    /** Back to draft for changes. */
    RETURN_TO_DRAFT,
    /** All parties have signed. */
    SIGN,
    /** The validity period ended. */
    EXPIRE,
    TERMINATE,
    /** Replaced by a newer agreement; recorded when its successor is signed. */
    SUPERSEDE
}

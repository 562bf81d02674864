package org.zhijiao.gateway.client;

/** A client may obtain tokens while ACTIVE; revocation is final (register a new client instead). */
public enum ClientStatus {
    ACTIVE,
    REVOKED
}

package org.zhijiao.commons.consumer;

/**
 * An event that can never be applied, however often it is retried (not JSON, not a CloudEvent,
 * unknown type, data that breaks the contract). It belongs in the dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.zhijiao.stack;

/** A fixed port that a server of the local stack should listen on is already taken. */
public final class PortInUseException extends IllegalStateException {

    private final int port;
    private final String purpose;

    PortInUseException(int port, String purpose) {
        super("Port " + port + " (" + purpose + ") is already in use");
        this.port = port;
        this.purpose = purpose;
    }

    public int port() {
        return port;
    }

    /** What wanted the port, e.g. "PostgreSQL". */
    public String purpose() {
        return purpose;
    }
}

package org.zhijiao.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

final class Ports {

    private Ports() {
    }

    /** A port that is free right now; the usual small race with other processes is accepted. */
    static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port", e);
        }
    }

    /**
     * Fails with a {@link PortInUseException} when something listens on {@code port}; binding the
     * wildcard address catches listeners on any interface.
     */
    static int requireFree(int port, String purpose) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return port;
        } catch (BindException e) {
            throw new PortInUseException(port, purpose);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check port " + port + " (" + purpose + ")", e);
        }
    }
}

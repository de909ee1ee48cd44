package org.casetrail.devstack;

import static org.casetrail.devstack.DevstackDefaults.HOST;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * Checks ports before anything starts: a half-started stack whose Kafka died on "address in
 * use" deep in a log file is far harder to understand than one line up front.
 */
public final class PortCheck {

    private PortCheck() {
    }

    /** @throws DevstackException naming the first port that is taken, its component and its variable */
    public static void requireFree(List<Ports.Binding> bindings) {
        for (Ports.Binding b : bindings) {
            if (!isFree(b.port())) {
                throw new DevstackException(message(b), DevstackException.PRECONDITION_FAILED);
            }
        }
    }

    public static String message(Ports.Binding b) {
        return "casetrail: port " + b.port() + " (" + b.label() + ") is already in use"
                + " — stop whatever holds it or set " + b.envVar();
    }

    /** Binding (not connecting) is the real test: it also catches a wildcard listener on the port. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

package org.casetrail.devstack;

import static org.casetrail.devstack.DevstackDefaults.HOST;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The TCP ports of one devstack. */
public record Ports(int mongo, int kafka, int kafkaController, int gateway, int caseService,
                    int disclosure, int notification, int mail) {

    /** The ports without the mail catcher's, which keeps its default. */
    public Ports(int mongo, int kafka, int kafkaController, int gateway, int caseService, int disclosure,
                 int notification) {
        this(mongo, kafka, kafkaController, gateway, caseService, disclosure, notification, DevstackDefaults.MAIL_PORT);
    }

    /** One port a component binds, with the variable that moves it (used in error messages). */
    public record Binding(Component component, String label, int port, String envVar) {
    }

    public static Ports defaults() {
        return fromEnv(Map.of());
    }

    /** Defaults overridden by CASETRAIL_*_PORT variables. */
    public static Ports fromEnv(Map<String, String> env) {
        return new Ports(
                port(env, "CASETRAIL_MONGO_PORT", DevstackDefaults.MONGO_PORT),
                port(env, "CASETRAIL_KAFKA_PORT", DevstackDefaults.KAFKA_PORT),
                port(env, "CASETRAIL_KAFKA_CONTROLLER_PORT", DevstackDefaults.KAFKA_CONTROLLER_PORT),
                port(env, "CASETRAIL_GATEWAY_PORT", DevstackDefaults.GATEWAY_PORT),
                port(env, "CASETRAIL_CASE_PORT", DevstackDefaults.CASE_PORT),
                port(env, "CASETRAIL_DISCLOSURE_PORT", DevstackDefaults.DISCLOSURE_PORT),
                port(env, "CASETRAIL_NOTIFICATION_PORT", DevstackDefaults.NOTIFICATION_PORT),
                port(env, "CASETRAIL_MAIL_PORT", DevstackDefaults.MAIL_PORT));
    }

    /**
     * Free ports chosen by the OS, for tests that must never collide with a running devstack.
     * All sockets are held open until every port is picked, so no port is returned twice.
     */
    public static Ports randomFree() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] p = new int[8];
            for (int i = 0; i < p.length; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST));
                held.add(socket);
                p[i] = socket.getLocalPort();
            }
            return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            held.forEach(Ports::closeQuietly);
        }
    }

    /** The HTTP port of a service. */
    public int httpPort(Component service) {
        return switch (service) {
            case CASE_SERVICE -> caseService;
            case DISCLOSURE_SERVICE -> disclosure;
            case NOTIFICATION_SERVICE -> notification;
            case GATEWAY -> gateway;
            default -> throw new IllegalArgumentException(service + " has no HTTP port");
        };
    }

    /** Every port the given components will bind, in start order. */
    public List<Binding> bindings(Set<Component> components) {
        List<Binding> result = new ArrayList<>();
        for (Component c : Component.values()) {
            if (!components.contains(c)) {
                continue;
            }
            switch (c) {
                case MONGO -> result.add(new Binding(c, "mongo", mongo, "CASETRAIL_MONGO_PORT"));
                case KAFKA -> {
                    result.add(new Binding(c, "kafka", kafka, "CASETRAIL_KAFKA_PORT"));
                    result.add(new Binding(c, "kafka controller", kafkaController, "CASETRAIL_KAFKA_CONTROLLER_PORT"));
                }
                case MAIL -> result.add(new Binding(c, "mail (SMTP)", mail, "CASETRAIL_MAIL_PORT"));
                case CASE_SERVICE -> result.add(new Binding(c, c.displayName(), caseService, "CASETRAIL_CASE_PORT"));
                case DISCLOSURE_SERVICE -> result.add(new Binding(c, c.displayName(), disclosure, "CASETRAIL_DISCLOSURE_PORT"));
                case NOTIFICATION_SERVICE -> result.add(new Binding(c, c.displayName(), notification, "CASETRAIL_NOTIFICATION_PORT"));
                case GATEWAY -> result.add(new Binding(c, c.displayName(), gateway, "CASETRAIL_GATEWAY_PORT"));
            }
        }
        return result;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new DevstackException("casetrail: " + name + "=" + value + " is not a TCP port (1-65535)",
                    DevstackException.PRECONDITION_FAILED);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // only a probe socket
        }
    }
}

package org.casetrail.devstack;

import static org.casetrail.devstack.DevstackDefaults.HOST;
import static org.casetrail.devstack.DevstackDefaults.PROBE_TIMEOUT;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Probes that tell when a component is really usable, not merely started. */
final class Readiness {

    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    private Readiness() {
    }

    /**
     * Polls {@code probe} until it holds. Fails fast, with the log tail, if the process dies;
     * fails with the log tail at the deadline.
     */
    static void await(ChildProcess child, String what, Instant deadline, BooleanSupplier probe) {
        while (true) {
            if (!child.isAlive()) {
                throw failure(child, child.component().displayName() + " exited with code " + child.exitCode()
                        + " while starting");
            }
            if (probe.getAsBoolean()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw failure(child, child.component().displayName() + " did not become " + what + " in time");
            }
            sleep(DevstackDefaults.POLL_INTERVAL);
        }
    }

    static boolean portAccepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), (int) PROBE_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The broker answers metadata requests: it has joined its own KRaft quorum and is serving. */
    static boolean kafkaServes(String bootstrapServers) {
        if (!portAccepts(Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1)))) {
            return false;
        }
        int timeoutMs = (int) PROBE_TIMEOUT.toMillis();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(timeoutMs, TimeUnit.MILLISECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /** Spring Boot actuator: 200 with an overall status of UP (a DOWN service answers 503). */
    static boolean httpHealthy(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + "/actuator/health"))
                .timeout(PROBE_TIMEOUT)
                .GET()
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static DevstackException failure(ChildProcess child, String headline) {
        return new DevstackException("casetrail: " + headline + ". Last " + DevstackDefaults.LOG_TAIL_LINES
                + " lines of " + child.log() + ":\n" + child.tail(DevstackDefaults.LOG_TAIL_LINES),
                DevstackException.RUNTIME_FAILURE);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("casetrail: interrupted", DevstackException.RUNTIME_FAILURE, e);
        }
    }
}

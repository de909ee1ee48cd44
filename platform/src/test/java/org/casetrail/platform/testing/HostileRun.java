package org.casetrail.platform.testing;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends {@link HostileBodies} to every endpoint of a service, an equal share each, and fails on the
 * first server error, naming the endpoint, the body's index and the seed so it can be replayed.
 */
public final class HostileRun {

    private HostileRun() {
    }

    /** Sends one body to one path and answers the response. */
    @FunctionalInterface
    public interface Sender {
        HttpResponse<String> send(String path, byte[] body) throws Exception;
    }

    /** @param sent how many bodies went out; {@code statuses} how many got each status */
    public record Result(int sent, Map<Integer, Integer> statuses) {
    }

    /** @param validBodies a body each path accepts, by path */
    public static Result against(Map<String, String> validBodies, int total, long seed, Sender sender) throws Exception {
        HostileBodies generator = new HostileBodies(seed);
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        for (Map.Entry<String, String> endpoint : validBodies.entrySet()) {
            List<byte[]> bodies = generator.from(endpoint.getValue(), total / validBodies.size());
            for (int i = 0; i < bodies.size(); i++) {
                HttpResponse<String> response = sender.send(endpoint.getKey(), bodies.get(i));
                statuses.merge(response.statusCode(), 1, Integer::sum);
                assertThat(response.statusCode()).as("%s body #%d (seed %d): %s", endpoint.getKey(), i, seed,
                        response.body()).isLessThan(500);
                sent++;
            }
        }
        System.out.printf("casetrail hostile input: %d bodies to %d endpoints, statuses %s%n", sent,
                validBodies.size(), statuses);
        return new Result(sent, statuses);
    }
}

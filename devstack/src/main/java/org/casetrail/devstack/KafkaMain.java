package org.casetrail.devstack;

import static org.casetrail.devstack.DevstackDefaults.HOST;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process), from the Kafka jars.
 *
 * <p>Run as a child: {@code KafkaMain --data-dir <dir> --port <p> --controller-port <c> [--parent-pid <pid>]}.
 * Files: {@code <dataDir>/kafka} (log.dirs), {@code <dataDir>/kafka-config/server.properties}
 * (rewritten each start, so changed ports take effect) and {@code <dataDir>/kafka-config/cluster.id}
 * (kept: formatting again with a new id would orphan the existing logs).
 */
public final class KafkaMain {

    static final String LOG_DIR = "kafka";
    static final String CONFIG_DIR = "kafka-config";
    static final String NODE_ID = "1";

    private KafkaMain() {
    }

    public static void main(String[] argv) {
        Args args = new Args(argv);
        ParentWatch.fromArgs(args);
        run(Path.of(args.required("--data-dir")), args.requiredInt("--port"), args.requiredInt("--controller-port"));
    }

    /** Formats the storage if needed and runs the broker; returns only when it has shut down. */
    public static void run(Path dataDir, int port, int controllerPort) {
        Path properties = writeServerProperties(dataDir, port, controllerPort);
        format(properties, clusterId(dataDir));
        // kafka.Kafka installs its own shutdown hook (clean shutdown on SIGTERM) and blocks.
        kafka.Kafka.main(new String[] {properties.toString()});
    }

    static Map<String, String> serverProperties(Path dataDir, int port, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>(); // insertion order: the written file reads like this method
        p.put("process.roles", "broker,controller");
        p.put("node.id", NODE_ID);
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.resolve(LOG_DIR).toAbsolutePath().toString());
        // One node: every internal topic must live with a single replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // Consumers should not wait 3 s for a group that will only ever have its first member.
        p.put("group.initial.rebalance.delay.ms", "0");
        // As in production: topics exist only as the services declare them (partitions, compaction, DLTs).
        // Auto-creation let a consumer create a topic with one partition before its producer declared three.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        // After kill -9 the restarted broker cannot register until the controller expires its previous
        // incarnation's session (default 9 s, ~12 s in practice). Shorter, so kill-and-restart tests
        // are quick; still several heartbeats long, so a GC pause on a busy 2-core machine is no fencing.
        p.put("broker.heartbeat.interval.ms", "1000");
        p.put("broker.session.timeout.ms", "4000");
        return p;
    }

    static Path writeServerProperties(Path dataDir, int port, int controllerPort) {
        Path file = dataDir.resolve(CONFIG_DIR).resolve("server.properties");
        try {
            Files.createDirectories(file.getParent());
            Files.createDirectories(dataDir.resolve(LOG_DIR));
            StringBuilder text = new StringBuilder("# written by the casetrail devstack at each start\n");
            // No escaping needed: keys are plain and ':' is legal in a properties value.
            serverProperties(dataDir, port, controllerPort).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cluster id, created once per data directory. */
    static String clusterId(Path dataDir) {
        Path file = dataDir.resolve(CONFIG_DIR).resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.createDirectories(file.getParent());
            Files.writeString(file, id + "\n", StandardCharsets.US_ASCII);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kafka-storage format; --ignore-formatted makes it a no-op once meta.properties exists. */
    private static void format(Path properties, String clusterId) {
        // execute() rather than main(): main() calls System.exit.
        int rc = kafka.tools.StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", properties.toString(), "--ignore-formatted"},
                System.out);
        if (rc != 0) {
            throw new IllegalStateException("kafka storage format failed with exit code " + rc);
        }
    }
}

package org.casetrail.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.casetrail.devstack.Component;
import org.casetrail.devstack.Devstack;
import org.casetrail.devstack.Ports;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same walking skeleton with a real MongoDB (a one-node replica set, as in production) and a
 * real Kafka from Testcontainers; the four services still run as devstack processes. Skipped,
 * visibly, where there is no Docker engine. The broker-crash scenario is the devstack twin's only:
 * here the broker is a container this test does not kill.
 */
@Testcontainers(disabledWithoutDocker = true)
class WalkingSkeletonContainersIT extends WalkingSkeletonScenarios {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(DockerImageName.parse("mongo:7.0"));

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(DockerImageName.parse("apache/kafka:3.9.1"));

    private Devstack stack;

    @Override
    protected void startSystem() throws Exception {
        Path repoRoot = Path.of(System.getProperty("casetrail.repoRoot", "..")).toAbsolutePath().normalize();
        Path buildDir = Path.of(System.getProperty("casetrail.buildDir", "target"));
        Path dataDir = Files.createTempDirectory(Files.createDirectories(buildDir.resolve("system-test-data")),
                getClass().getSimpleName() + "-");
        stack = Devstack.builder()
                .dataDir(dataDir) // JWT keys and logs only: the data lives in the containers
                .repoRoot(repoRoot)
                .ports(Ports.randomFree())
                .externalMongo(MONGO.getConnectionString())
                .externalKafka(KAFKA.getBootstrapServers())
                .healthTimeout(WalkingSkeletonIT.HEALTH_TIMEOUT)
                .out(System.out)
                .build();
        stopOnJvmExit(stack);
        stack.start();
    }

    @Override
    protected void stopSystem() {
        if (stack != null) {
            stack.stop();
            removeJvmExitHook();
        }
    }

    @Override
    protected String gatewayUrl() {
        return stack.gatewayUrl();
    }

    /** The services are killed and restarted; MongoDB and Kafka (containers) keep running with their data. */
    @Override
    protected void crashAndRestartEverything() {
        for (Component service : List.of(Component.GATEWAY, Component.CASE_SERVICE, Component.NOTIFICATION_SERVICE,
                Component.DISCLOSURE_SERVICE)) {
            if (stack.isRunning(service)) {
                stack.kill9(service);
            }
        }
        stack.start();
    }

    @Override
    protected boolean canCrashKafka() {
        return false;
    }

    @Override
    protected void crashKafka() {
        throw new UnsupportedOperationException("the broker is a container here");
    }

    @Override
    protected void restartKafka() {
        throw new UnsupportedOperationException("the broker is a container here");
    }

    @Override
    protected String diagnostics() {
        StringBuilder logs = new StringBuilder();
        if (stack != null) {
            for (Component service : Component.services()) {
                logs.append("---- ").append(service.displayName()).append(" ----\n")
                        .append(tail(stack.logFile(service), WalkingSkeletonIT.LOG_TAIL_LINES)).append('\n');
            }
        }
        for (GenericContainer<?> container : List.<GenericContainer<?>>of(MONGO, KAFKA)) {
            if (container.isRunning()) {
                List<String> lines = container.getLogs().lines().toList();
                logs.append("---- ").append(container.getDockerImageName()).append(" ----\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()))).append('\n');
            }
        }
        return logs.toString();
    }
}

package org.casetrail.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.casetrail.devstack.Component;
import org.casetrail.devstack.Devstack;
import org.casetrail.devstack.Ports;

/**
 * The walking skeleton on the devstack: the Mongo-wire server, a Kafka broker and the four service
 * jars as separate processes on random free ports, with a fresh data directory under target/ (kept
 * for post-mortems). Kills components with SIGKILL to show that nothing is lost.
 */
class WalkingSkeletonIT extends WalkingSkeletonScenarios {

    /** Four Spring Boot JVMs (plus Mongo and Kafka) start at once on 2 cores. */
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(240);
    static final int LOG_TAIL_LINES = 60;

    private Devstack stack;

    @Override
    protected void startSystem() throws Exception {
        Path repoRoot = Path.of(System.getProperty("casetrail.repoRoot", "..")).toAbsolutePath().normalize();
        Path buildDir = Path.of(System.getProperty("casetrail.buildDir", "target"));
        Path parent = Files.createDirectories(buildDir.resolve("system-test-data"));
        Path dataDir = Files.createTempDirectory(parent,
                getClass().getSimpleName() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-");
        System.out.println("casetrail system test: data dir " + dataDir + ", service jars from " + repoRoot);
        stack = Devstack.builder()
                .dataDir(dataDir)
                .repoRoot(repoRoot)
                .ports(Ports.randomFree())
                .healthTimeout(HEALTH_TIMEOUT)
                .out(System.out)
                .build();
        stopOnJvmExit(stack);
        stack.start();
        System.out.println("casetrail system test: gateway at " + stack.gatewayUrl());
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

    @Override
    protected void crashAndRestartEverything() {
        // Services first, then the infrastructure, back to back: as close to a power cut as processes get.
        for (Component component : List.of(Component.GATEWAY, Component.CASE_SERVICE, Component.NOTIFICATION_SERVICE,
                Component.DISCLOSURE_SERVICE, Component.KAFKA, Component.MONGO)) {
            if (stack.isRunning(component)) {
                stack.kill9(component);
            }
        }
        stack.start();
    }

    @Override
    protected boolean canCrashKafka() {
        return true;
    }

    @Override
    protected void crashKafka() {
        stack.kill9(Component.KAFKA);
    }

    @Override
    protected void restartKafka() {
        stack.start(Component.KAFKA);
    }

    @Override
    protected String diagnostics() {
        if (stack == null) {
            return "(devstack not built)";
        }
        StringBuilder logs = new StringBuilder();
        for (Component component : Component.values()) {
            logs.append("---- ").append(component.displayName()).append(" (last ").append(LOG_TAIL_LINES)
                    .append(" lines of ").append(stack.logFile(component)).append(") ----\n")
                    .append(tail(stack.logFile(component), LOG_TAIL_LINES)).append('\n');
        }
        return logs.toString();
    }
}

package org.casetrail.systemtests;

import org.casetrail.devstack.Component;
import org.casetrail.devstack.Devstack;
import org.casetrail.devstack.Ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * The whole system as one test class's devstack: a fresh data directory under
 * {@code target/system-test-data}, copies of the service jars, random ports, a shutdown hook so an
 * interrupted run leaves no JVM behind, and the components' log tails for a failure message.
 * Started in a class's {@code @BeforeAll}, closed in its {@code @AfterAll}.
 */
final class SystemUnderTest implements AutoCloseable {

    /** Four Spring Boot JVMs (plus Mongo, Kafka and the mail catcher) start at once on 2 cores. */
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(240);
    private static final int LOG_TAIL_LINES = 80;
    private static final int COPY_ATTEMPTS = 10;
    private static final Duration COPY_RETRY = Duration.ofSeconds(5);

    private final Path dataDir;
    private final Devstack stack;
    private final Thread stopHook;

    private SystemUnderTest(Path dataDir, Devstack stack) {
        this.dataDir = dataDir;
        this.stack = stack;
        this.stopHook = new Thread(stack::stop, "devstack-stop-on-exit");
    }

    /** Starts everything and waits until it is healthy; on failure prints the logs and stops what started. */
    static SystemUnderTest start(Class<?> testClass) throws Exception {
        Path repoRoot = Path.of(System.getProperty("casetrail.repoRoot", "..")).toAbsolutePath().normalize();
        Path buildDir = Path.of(System.getProperty("casetrail.buildDir", "target"));
        Path parent = Files.createDirectories(buildDir.resolve("system-test-data"));
        Path dataDir = Files.createTempDirectory(parent, testClass.getSimpleName() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-");
        System.out.println(testClass.getSimpleName() + ": data dir " + dataDir + ", service jars from " + repoRoot);
        Devstack stack = Devstack.builder()
                .dataDir(dataDir)
                .repoRoot(snapshotServiceJars(repoRoot, dataDir.resolve("jars")))
                .ports(Ports.randomFree())
                .healthTimeout(HEALTH_TIMEOUT)
                .out(System.out)
                .build();
        SystemUnderTest system = new SystemUnderTest(dataDir, stack);
        Runtime.getRuntime().addShutdownHook(system.stopHook);
        try {
            stack.start();
        } catch (Throwable e) {
            System.out.println("==== start-up failed: " + e + " — component logs follow ====");
            System.out.println(system.diagnostics());
            system.close();
            throw e;
        }
        return system;
    }

    Devstack stack() {
        return stack;
    }

    Path dataDir() {
        return dataDir;
    }

    /** The last lines of every component's log. */
    String diagnostics() {
        StringBuilder logs = new StringBuilder();
        for (Component component : Component.values()) {
            logs.append("---- ").append(component.displayName()).append(" (last ").append(LOG_TAIL_LINES)
                    .append(" lines of ").append(stack.logFile(component)).append(") ----\n")
                    .append(WalkingSkeletonScenarios.tail(stack.logFile(component), LOG_TAIL_LINES)).append('\n');
        }
        return logs.toString();
    }

    @Override
    public void close() {
        stack.stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    /**
     * Copies the four service jars into {@code <target>/<module>/target/<module>.jar} (the layout the
     * devstack expects under its repo root) and returns {@code target}: others may rebuild the jars in
     * the working tree while a class runs, and a JVM whose jar is rewritten under it fails
     * (NoClassDefFoundError). A copy taken while a jar was being written is taken again.
     */
    private static Path snapshotServiceJars(Path repoRoot, Path target) throws Exception {
        for (Component service : List.of(Component.CASE_SERVICE, Component.DISCLOSURE_SERVICE,
                Component.NOTIFICATION_SERVICE, Component.GATEWAY)) {
            String module = service.module();
            Path source = repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
            Path copy = Files.createDirectories(target.resolve(module).resolve("target")).resolve(module + ".jar");
            for (int attempt = 1; ; attempt++) {
                FileTime before = Files.getLastModifiedTime(source);
                Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                if (before.equals(Files.getLastModifiedTime(source)) && isCompleteZip(copy)) {
                    break;
                }
                if (attempt == COPY_ATTEMPTS) {
                    throw new IllegalStateException(source + " kept changing while it was copied");
                }
                System.out.println(source + " is being rebuilt; copying it again");
                Thread.sleep(COPY_RETRY.toMillis());
            }
        }
        return target;
    }

    private static boolean isCompleteZip(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.size() > 0;
        } catch (IOException e) {
            return false;
        }
    }
}

package org.casetrail.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code devstack up} end to end with stand-in service jars: start order, health waiting, the
 * banner, orderly stop on SIGTERM (what Ctrl-C does), and children not outliving a killed launcher.
 */
class LauncherIT {

    private static final Duration UP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(40);

    @TempDir
    Path dir;
    private Ports ports;
    private Path output;
    private Process launcher;

    @BeforeEach
    void fakeServiceJars() throws IOException {
        URL testClasses = FakeService.class.getProtectionDomain().getCodeSource().getLocation();
        for (Component service : Component.services()) {
            Path jar = dir.resolve("repo").resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
            Files.createDirectories(jar.getParent());
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, testClasses.toString());
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
                // the manifest is all it needs
            }
        }
        ports = Ports.randomFree();
        output = dir.resolve("launcher.out");
    }

    @AfterEach
    void cleanUp() {
        if (launcher != null) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        // A killed launcher's services are nobody's descendants any more (the documented limit this
        // class shows): find them by their data-directory marker, as the next `up` would.
        Leftovers.stop(dir.resolve("data"), System.out);
    }

    @Test
    void upPrintsTheBannerAndSigtermStopsServicesThenKafkaThenMongo() throws Exception {
        startLauncher();
        List<ProcessHandle> children = launcher.children().toList();
        assertThat(children).hasSize(7); // Mongo, Kafka, the mail catcher, four services
        assertThat(Readiness.httpHealthy(ports.gateway())).isTrue();
        assertThat(Files.readString(dir.resolve("data/logs/case-service.log")))
                .contains("mongo mongodb://127.0.0.1:" + ports.mongo() + "/casetrail_cases");
        assertThat(dir.resolve("data/keys/jwt-private.pem")).exists();

        launcher.destroy(); // SIGTERM, like Ctrl-C: runs the shutdown hook

        assertThat(launcher.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(output);
        assertThat(out).containsSubsequence("stopping services", "stopping mail", "stopping kafka", "stopping mongo",
                "casetrail: stopped");
        assertThat(out).contains("Mail: " + dir.resolve("data").toAbsolutePath().normalize().resolve("mail"));
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void mongoKafkaAndTheMailCatcherExitWhenTheLauncherIsKilled() throws Exception {
        startLauncher();
        List<ProcessHandle> infra = launcher.children()
                .filter(p -> commandLine(p).contains("MongoMain") || commandLine(p).contains("KafkaMain")
                        || commandLine(p).contains("MailMain"))
                .toList();
        assertThat(infra).hasSize(3);

        launcher.destroyForcibly().waitFor();

        Instant deadline = Instant.now().plus(EXIT_TIMEOUT);
        while (infra.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        assertThat(infra).noneMatch(ProcessHandle::isAlive);
    }

    /** From /proc: ProcessHandle.Info gives up on command lines as long as a full class path. */
    private static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void startLauncher() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("CASETRAIL_REPO_ROOT", dir.resolve("repo").toString());
        env.put("CASETRAIL_DATA_DIR", dir.resolve("data").toString());
        env.put("CASETRAIL_MONGO_PORT", Integer.toString(ports.mongo()));
        env.put("CASETRAIL_KAFKA_PORT", Integer.toString(ports.kafka()));
        env.put("CASETRAIL_KAFKA_CONTROLLER_PORT", Integer.toString(ports.kafkaController()));
        env.put("CASETRAIL_GATEWAY_PORT", Integer.toString(ports.gateway()));
        env.put("CASETRAIL_CASE_PORT", Integer.toString(ports.caseService()));
        env.put("CASETRAIL_DISCLOSURE_PORT", Integer.toString(ports.disclosure()));
        env.put("CASETRAIL_NOTIFICATION_PORT", Integer.toString(ports.notification()));
        env.put("CASETRAIL_MAIL_PORT", Integer.toString(ports.mail()));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Devstack.currentClasspath(), DevstackCli.class.getName(), "up")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        launcher = builder.start();
        Instant deadline = Instant.now().plus(UP_TIMEOUT);
        while (!Files.readString(output, StandardCharsets.UTF_8).contains("casetrail is up")) {
            assertThat(launcher.isAlive()).as("launcher alive; output:\n%s", Files.readString(output)).isTrue();
            assertThat(Instant.now()).as("up in time; output:\n%s", Files.readString(output)).isBefore(deadline);
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }
}

package org.casetrail.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortCheckTest {

    @Test
    void namesThePortTheComponentAndTheVariable() throws Exception {
        try (ServerSocket taken = occupy()) {
            Ports ports = Ports.fromEnv(Map.of("CASETRAIL_MONGO_PORT", Integer.toString(taken.getLocalPort())));

            assertThatThrownBy(() -> PortCheck.requireFree(ports.bindings(EnumSet.of(Component.MONGO))))
                    .isInstanceOf(DevstackException.class)
                    .hasMessage("casetrail: port " + taken.getLocalPort() + " (mongo) is already in use"
                            + " — stop whatever holds it or set CASETRAIL_MONGO_PORT")
                    .satisfies(e -> assertThat(((DevstackException) e).exitCode()).isEqualTo(2));
        }
    }

    @Test
    void kafkaControllerPortIsCheckedToo() throws Exception {
        try (ServerSocket taken = occupy()) {
            Ports free = Ports.randomFree();
            Ports ports = new Ports(free.mongo(), free.kafka(), taken.getLocalPort(), free.gateway(),
                    free.caseService(), free.disclosure(), free.notification());

            assertThatThrownBy(() -> PortCheck.requireFree(ports.bindings(EnumSet.allOf(Component.class))))
                    .hasMessageContaining("(kafka controller)")
                    .hasMessageEndingWith("CASETRAIL_KAFKA_CONTROLLER_PORT");
        }
    }

    @Test
    void freePortsPass() {
        PortCheck.requireFree(Ports.randomFree().bindings(EnumSet.allOf(Component.class)));
    }

    @Test
    void cliPrintsOneLineAndExitsWith2(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = occupy()) {
            Map<String, String> env = new HashMap<>(envWithFreePorts(dataDir));
            env.put("CASETRAIL_KAFKA_PORT", Integer.toString(taken.getLocalPort()));
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int code = DevstackCli.run(new String[] {"kafka"}, env, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(code).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("casetrail: port " + taken.getLocalPort()
                    + " (kafka) is already in use — stop whatever holds it or set CASETRAIL_KAFKA_PORT\n");
        }
    }

    @Test
    void upWithoutServiceJarsSaysBuildFirst(@TempDir Path dir) {
        Map<String, String> env = new HashMap<>(envWithFreePorts(dir.resolve("data")));
        env.put("CASETRAIL_REPO_ROOT", dir.toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = DevstackCli.run(new String[] {"up"}, env, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("case-service/target/case-service.jar", "gateway/target/gateway.jar")
                .contains("build first: ./mvnw -DskipTests package");
        assertThat(dir.resolve("data")).doesNotExist(); // nothing was started or created
    }

    private static Map<String, String> envWithFreePorts(Path dataDir) {
        Ports p = Ports.randomFree();
        return Map.of("CASETRAIL_DATA_DIR", dataDir.toString(),
                "CASETRAIL_MONGO_PORT", Integer.toString(p.mongo()),
                "CASETRAIL_KAFKA_PORT", Integer.toString(p.kafka()),
                "CASETRAIL_KAFKA_CONTROLLER_PORT", Integer.toString(p.kafkaController()),
                "CASETRAIL_GATEWAY_PORT", Integer.toString(p.gateway()),
                "CASETRAIL_CASE_PORT", Integer.toString(p.caseService()),
                "CASETRAIL_DISCLOSURE_PORT", Integer.toString(p.disclosure()),
                "CASETRAIL_NOTIFICATION_PORT", Integer.toString(p.notification()));
    }

    private static ServerSocket occupy() throws Exception {
        return new ServerSocket(0, 1, InetAddress.getByName(DevstackDefaults.HOST));
    }
}

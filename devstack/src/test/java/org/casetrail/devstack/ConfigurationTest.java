package org.casetrail.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

    @Test
    void jwtKeysArePemPairOwnerOnlyAndStable(@TempDir Path dataDir) throws Exception {
        JwtKeys.ensure(dataDir);
        String pub = Files.readString(JwtKeys.publicKey(dataDir));
        String priv = Files.readString(JwtKeys.privateKey(dataDir));

        assertThat(pub).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(priv).startsWith("-----BEGIN PRIVATE KEY-----\n");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der(pub)));
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der(priv)));
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);
        assertThat(privateKey.getModulus()).isEqualTo(publicKey.getModulus());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(JwtKeys.privateKey(dataDir))))
                .isEqualTo("rw-------");

        JwtKeys.ensure(dataDir);
        assertThat(Files.readString(JwtKeys.publicKey(dataDir))).isEqualTo(pub);
    }

    @Test
    void gatewayGetsRoutesAndSigningKey(@TempDir Path dataDir) {
        Ports ports = Ports.defaults();
        Devstack stack = Devstack.builder().dataDir(dataDir).ports(ports).build();

        Map<String, String> env = stack.serviceEnvironment(Component.GATEWAY);

        assertThat(env).containsEntry("SERVER_PORT", "8080")
                .containsEntry("SPRING_PROFILES_ACTIVE", "embedded")
                .containsEntry("SPRING_DATA_MONGODB_URI", "mongodb://127.0.0.1:27017/casetrail_gateway")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("CASETRAIL_SECURITY_JWT_ISSUER", "casetrail-devstack")
                .containsEntry("CASETRAIL_SECURITY_JWT_PUBLIC_KEY_LOCATION",
                        "file:" + dataDir.toAbsolutePath().normalize().resolve("keys/jwt-public.pem"))
                .containsEntry("CASETRAIL_GATEWAY_JWT_PRIVATE_KEY_LOCATION",
                        "file:" + dataDir.toAbsolutePath().normalize().resolve("keys/jwt-private.pem"))
                .containsEntry("CASETRAIL_GATEWAY_ROUTES_CASES", "http://127.0.0.1:8081")
                .containsEntry("CASETRAIL_GATEWAY_ROUTES_DISCLOSURES", "http://127.0.0.1:8082")
                .containsEntry("CASETRAIL_GATEWAY_ROUTES_NOTIFICATIONS", "http://127.0.0.1:8083");
        assertThat(stack.serviceEnvironment(Component.CASE_SERVICE))
                .containsEntry("SERVER_PORT", "8081")
                .containsEntry("SPRING_DATA_MONGODB_URI", "mongodb://127.0.0.1:27017/casetrail_cases")
                .doesNotContainKey("CASETRAIL_GATEWAY_JWT_PRIVATE_KEY_LOCATION");
    }

    @Test
    void notificationServiceSendsItsMailToTheCatcherWithLinksToTheGateway(@TempDir Path dataDir) {
        Devstack stack = Devstack.builder().dataDir(dataDir).ports(Ports.fromEnv(Map.of("CASETRAIL_MAIL_PORT", "2626")))
                .build();

        assertThat(stack.serviceEnvironment(Component.NOTIFICATION_SERVICE))
                .containsEntry("SPRING_MAIL_HOST", "127.0.0.1")
                .containsEntry("SPRING_MAIL_PORT", "2626")
                .containsEntry("CASETRAIL_MAIL_LINK_BASE_URL", "http://127.0.0.1:8080");
        assertThat(stack.serviceEnvironment(Component.CASE_SERVICE)).doesNotContainKey("SPRING_MAIL_PORT");
        assertThat(stack.mailDir()).isEqualTo(dataDir.toAbsolutePath().normalize().resolve("mail"));
        assertThat(Ports.defaults().mail()).isEqualTo(2525);
    }

    @Test
    void externalMongoAndKafkaReplaceTheEmbeddedOnes(@TempDir Path dataDir) {
        Devstack stack = Devstack.builder().dataDir(dataDir).ports(Ports.defaults())
                .externalMongo("mongodb://localhost:32768/?directConnection=true")
                .externalKafka("localhost:32769")
                .build();

        assertThat(stack.serviceEnvironment(Component.CASE_SERVICE))
                .containsEntry("SPRING_DATA_MONGODB_URI", "mongodb://localhost:32768/casetrail_cases?directConnection=true")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:32769");
        assertThat(Devstack.builder().externalMongo("mongodb://localhost:32768").build().mongoUri(Component.GATEWAY))
                .isEqualTo("mongodb://localhost:32768/casetrail_gateway");
        assertThatThrownBy(() -> stack.start(Component.MONGO)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stack.start(Component.KAFKA)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Devstack.builder().externalMongo("mongodb://localhost:1/test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Devstack.builder().externalKafka("PLAINTEXT://localhost:1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kafkaIsASingleNodeKraftCluster(@TempDir Path dataDir) {
        Map<String, String> p = KafkaMain.serverProperties(dataDir, 1111, 2222);

        assertThat(p).containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:2222")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:1111,CONTROLLER://127.0.0.1:2222")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("log.dirs", dataDir.resolve("kafka").toAbsolutePath().toString());
        assertThat(KafkaMain.clusterId(dataDir)).isEqualTo(KafkaMain.clusterId(dataDir));
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}

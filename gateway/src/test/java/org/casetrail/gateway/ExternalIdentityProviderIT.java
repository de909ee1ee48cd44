package org.casetrail.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.casetrail.gateway.directory.DirectoryUser;
import org.casetrail.platform.testing.EmbeddedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production mode against an outside OpenID Connect provider that this test plays: it serves the
 * discovery document and a JWKS on a local port and signs tokens the way, say, Keycloak does (user id,
 * school and roles in claims of its own naming, roles as the provider's group values inside
 * {@code realm_access}). The gateway is configured only through properties (issuer-uri, the claim
 * mapping), runs without the embedded profile, and its first ADMIN comes from the bootstrap setting.
 * Also: the actuator's metrics live on a separate management port and are answered there only.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot tests switch metrics export off unless asked; the Prometheus endpoint is under test here.
@AutoConfigureObservability
@EmbeddedKafka(kraft = true, partitions = 1)
class ExternalIdentityProviderIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SCHOOL = "north-school";
    static final String AUDIENCE = "casetrail";
    static final RSAKey PROVIDER_KEY = generateKey();
    static final RSAKey STRANGER_KEY = generateKey();
    static final HttpServer PROVIDER = startProvider();
    static final String ISSUER = "http://127.0.0.1:" + PROVIDER.getAddress().getPort() + "/realms/school";
    static final String ADMIN_ID = DirectoryUser.idFor(SCHOOL, "nora.admin");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;
    @Value("${local.management.port}")
    int managementPort;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "gateway-external-idp-it", "${spring.embedded.kafka.brokers}");
        registry.add("casetrail.security.jwt.issuer-uri", () -> ISSUER);
        registry.add("casetrail.security.jwt.issuer", () -> ISSUER);
        registry.add("casetrail.security.jwt.audience", () -> AUDIENCE);
        registry.add("casetrail.security.jwt.claims.user-id", () -> "casetrail_user_id");
        registry.add("casetrail.security.jwt.claims.school", () -> "casetrail_school");
        registry.add("casetrail.security.jwt.claims.roles", () -> "realm_access.roles");
        registry.add("casetrail.security.jwt.claims.role-values.casetrail-admin", () -> "ADMIN");
        registry.add("casetrail.security.jwt.claims.role-values.casetrail-dsl", () -> "DSL");
        registry.add("casetrail.security.jwt.claims.role-values.casetrail-staff", () -> "STAFF");
        registry.add("casetrail.gateway.directory.bootstrap-admin.school-id", () -> SCHOOL);
        registry.add("casetrail.gateway.directory.bootstrap-admin.school-name", () -> "North School");
        registry.add("casetrail.gateway.directory.bootstrap-admin.username", () -> "nora.admin");
        registry.add("casetrail.gateway.directory.bootstrap-admin.display-name", () -> "Nora Admin");
        registry.add("casetrail.gateway.directory.bootstrap-admin.email", () -> "nora.admin@north.example");
        registry.add("management.server.port", () -> "0");
        registry.add("management.server.address", () -> "127.0.0.1");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop(0);
    }

    @Test
    void theProvidersTokenIsAcceptedWithItsRolesMapped() throws Exception {
        HttpResponse<String> me = get(port, "/api/v1/me", token(PROVIDER_KEY, c -> c
                .claim("casetrail_user_id", ADMIN_ID).claim("realm_access", Map.of("roles",
                        List.of("casetrail-admin", "offline_access", "uma_authorization")))));

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.get("userId").asText()).isEqualTo(ADMIN_ID);
        assertThat(body.get("schoolId").asText()).isEqualTo(SCHOOL);
        assertThat(body.get("roles").toString()).isEqualTo("[\"ADMIN\"]");
    }

    @Test
    void theBootstrapAdminBringsInTheNextUserWhoSignsInWithTheirOwnMappedRoles() throws Exception {
        String admin = token(PROVIDER_KEY, c -> c.claim("casetrail_user_id", ADMIN_ID)
                .claim("realm_access", Map.of("roles", List.of("casetrail-admin"))));
        String username = "dan.dsl." + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = send(port, "POST", "/api/v1/directory/users", admin, """
                {"username":"%s","displayName":"Dan DSL","email":"dan@north.example","roles":["DSL","STAFF"]}"""
                .formatted(username));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String danId = JSON.readTree(created.body()).get("userId").asText();

        HttpResponse<String> me = get(port, "/api/v1/me", token(PROVIDER_KEY, c -> c.claim("casetrail_user_id", danId)
                .claim("realm_access", Map.of("roles", List.of("casetrail-staff", "casetrail-dsl")))));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("roles").toString()).isEqualTo("[\"STAFF\",\"DSL\"]");

        // the provider says ADMIN, the directory does not: refused
        HttpResponse<String> promoted = get(port, "/api/v1/me", token(PROVIDER_KEY, c -> c.claim("casetrail_user_id", danId)
                .claim("realm_access", Map.of("roles", List.of("casetrail-staff", "casetrail-dsl", "casetrail-admin")))));
        assertThat(promoted.statusCode()).isEqualTo(401);
    }

    @Test
    void wrongIssuerAudienceKeyOrRolesAreRefused() throws Exception {
        Consumer<JWTClaimsSet.Builder> admin = c -> c.claim("casetrail_user_id", ADMIN_ID)
                .claim("realm_access", Map.of("roles", List.of("casetrail-admin")));

        assertThat(get(port, "/api/v1/me", token(PROVIDER_KEY, admin.andThen(c -> c.issuer(ISSUER + "-other"))))
                .statusCode()).as("another issuer").isEqualTo(401);
        assertThat(get(port, "/api/v1/me", token(PROVIDER_KEY, admin.andThen(c -> c.audience("account"))))
                .statusCode()).as("another audience").isEqualTo(401);
        assertThat(get(port, "/api/v1/me", token(STRANGER_KEY, admin)).statusCode())
                .as("signed by a key the provider does not publish").isEqualTo(401);
        assertThat(get(port, "/api/v1/me", token(PROVIDER_KEY, c -> c.claim("casetrail_user_id", ADMIN_ID)
                .claim("realm_access", Map.of("roles", List.of("ADMIN", "casetrail-dsl"))))).statusCode())
                .as("role values the mapping does not know grant nothing; DSL is not what the directory says")
                .isEqualTo(401);
        assertThat(get(port, "/api/v1/me", token(PROVIDER_KEY, c -> c.claim("casetrail_user_id", ADMIN_ID)
                .claim("roles", List.of("ADMIN")))).statusCode())
                .as("a role in a claim that is not the configured one grants nothing").isEqualTo(401);
        assertThat(get(port, "/api/v1/me", token(PROVIDER_KEY, c -> c.claim("realm_access",
                Map.of("roles", List.of("casetrail-admin"))))).statusCode())
                .as("no user id claim").isEqualTo(401);
    }

    @Test
    void metricsAreOnTheManagementPortOnly() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus", null);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        assertThat(get(port, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        String admin = token(PROVIDER_KEY, c -> c.claim("casetrail_user_id", ADMIN_ID)
                .claim("realm_access", Map.of("roles", List.of("casetrail-admin"))));
        assertThat(get(port, "/actuator/prometheus", admin).statusCode()).isEqualTo(404);
        assertThat(get(port, "/actuator/health/liveness", null).statusCode()).isEqualTo(404);
        assertThat(get(managementPort, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }

    // ---- the provider ----

    private static String token(RSAKey key, Consumer<JWTClaimsSet.Builder> claims) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(List.of(AUDIENCE, "account"))
                .subject("f:3b1c:" + UUID.randomUUID()) // the provider's own id of the person, not casetrail's
                .claim("casetrail_school", SCHOOL).claim("preferred_username", "someone").claim("name", "Someone")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
        claims.accept(builder);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), builder.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer startProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/school";
            String discovery = JSON.writeValueAsString(Map.of(
                    "issuer", issuer,
                    "jwks_uri", issuer + "/protocol/openid-connect/certs",
                    "authorization_endpoint", issuer + "/protocol/openid-connect/auth",
                    "token_endpoint", issuer + "/protocol/openid-connect/token",
                    "subject_types_supported", List.of("public"),
                    "id_token_signing_alg_values_supported", List.of("RS256"),
                    "response_types_supported", List.of("code")));
            String jwks = new JWKSet(PROVIDER_KEY.toPublicJWK()).toString();
            server.createContext("/realms/school/.well-known/openid-configuration", exchange -> respond(exchange, discovery));
            server.createContext("/realms/school/protocol/openid-connect/certs", exchange -> respond(exchange, jwks));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static HttpResponse<String> get(int port, String path, String token) throws Exception {
        return send(port, "GET", path, token, null);
    }

    private static HttpResponse<String> send(int port, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

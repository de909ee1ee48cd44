package org.casetrail.gateway.auth;

import org.casetrail.contracts.Actor;
import org.casetrail.contracts.Role;
import org.casetrail.gateway.directory.DirectoryUser;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenIssuerTest {

    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    private final KeyPair keys = generate();
    private final DirectoryUser dina = new DirectoryUser(DirectoryUser.idFor("demo-school", "dina.dsl"), "demo-school",
            "dina.dsl", "Dina DSL", "dina.dsl@demo-school.example", EnumSet.of(Role.DSL, Role.STAFF), true, "hash",
            1, 0, NOW, Actor.system("directory"), "c-1");

    @Test
    void signsTheClaimsEveryServiceReadsWithRs256() {
        TokenIssuer issuer = new TokenIssuer((RSAPrivateCrtKey) keys.getPrivate(), "casetrail-devstack", "casetrail",
                Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));

        TokenIssuer.IssuedToken token = issuer.issue(dina);
        Jwt jwt = decoder("casetrail-devstack").decode(token.value());

        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("casetrail-devstack");
        assertThat(jwt.getAudience()).containsExactly("casetrail");
        assertThat(jwt.getSubject()).isEqualTo(dina.userId());
        assertThat(jwt.getClaimAsString("school")).isEqualTo("demo-school");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("STAFF", "DSL");
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("dina.dsl");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("Dina DSL");
        assertThat(jwt.getIssuedAt()).isEqualTo(NOW);
        assertThat(jwt.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(jwt.getId()).isNotBlank();
        assertThat(token.expiresIn()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void everyTokenHasItsOwnId() {
        TokenIssuer issuer = new TokenIssuer((RSAPrivateCrtKey) keys.getPrivate(), "i", "casetrail",
                Duration.ofMinutes(5), Clock.systemUTC());
        assertThat(decoder("i").decode(issuer.issue(dina).value()).getId())
                .isNotEqualTo(decoder("i").decode(issuer.issue(dina).value()).getId());
    }

    @Test
    void readsAPkcs8PemAndRefusesPkcs1() throws Exception {
        Path pem = Files.createTempFile("gateway-key", ".pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        assertThat(PemKeys.readPrivateKey(new FileSystemResource(pem)).getModulus())
                .isEqualTo(((RSAPublicKey) keys.getPublic()).getModulus());

        Files.writeString(pem, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemKeys.readPrivateKey(new FileSystemResource(pem)))
                .hasMessageContaining("PKCS#8");
        assertThatThrownBy(() -> PemKeys.readPrivateKey(null)).hasMessageContaining("private-key-location");
        Files.delete(pem);
    }

    private NimbusJwtDecoder decoder(String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer)));
        return decoder;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}

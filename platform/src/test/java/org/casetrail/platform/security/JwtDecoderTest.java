package org.casetrail.platform.security;

import org.casetrail.contracts.Role;
import org.casetrail.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decoder every service ships, fed the tokens an attacker would try (stack.md, trap 7). */
class JwtDecoderTest {

    private final JwtDecoder decoder = new CasetrailSecurityAutoConfiguration().jwtDecoder(new JwtProperties(
            TestTokens.ISSUER, TestTokens.AUDIENCE, null,
            new DefaultResourceLoader().getResource(TestTokens.properties().get("casetrail.security.jwt.public-key-location")),
            List.of()));

    @Test
    void acceptsAWellFormedTokenAndReadsTheCaller() {
        var jwt = decoder.decode(TestTokens.token("u-1", "demo-school", Role.DSL, Role.STAFF));
        CurrentUser user = CurrentUser.of(jwt);
        assertThat(user.userId()).isEqualTo("u-1");
        assertThat(user.schoolId()).isEqualTo("demo-school");
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.DSL, Role.STAFF);
    }

    @Test
    void rejectsAnExpiredToken() {
        String token = TestTokens.sign("u-1", "s", TestTokens.ISSUER, TestTokens.AUDIENCE, Instant.now().minusSeconds(600), Role.STAFF);
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsAnotherIssuer() {
        String token = TestTokens.sign("u-1", "s", "evil", TestTokens.AUDIENCE, Instant.now().plusSeconds(600), Role.STAFF);
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsAnotherAudience() {
        String token = TestTokens.sign("u-1", "s", TestTokens.ISSUER, "someone-else", Instant.now().plusSeconds(600), Role.STAFF);
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsAnUnsignedAlgNoneToken() {
        String[] parts = TestTokens.token("u-1", "s", Role.ADMIN).split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> decoder.decode(header + "." + parts[1] + ".")).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsATamperedPayload() {
        String[] parts = TestTokens.token("u-1", "s", Role.STAFF).split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"STAFF\"", "\"PRINCIPAL\"").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> decoder.decode(parts[0] + "." + forged + "." + parts[2])).isInstanceOf(JwtException.class);
    }
}

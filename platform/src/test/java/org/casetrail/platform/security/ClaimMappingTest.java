package org.casetrail.platform.security;

import org.casetrail.contracts.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A provider's claim names and role values, read as casetrail's. */
class ClaimMappingTest {

    private static final JwtProperties.Claims KEYCLOAK_LIKE = new JwtProperties.Claims("casetrail_user_id",
            "tenant", "realm_access.roles", "preferred_username", "name",
            Map.of("casetrail-dsl", "DSL", "casetrail-staff", "STAFF"));

    @Test
    void casetrailsOwnNamesPassUnchanged() {
        Map<String, Object> claims = new ClaimMapping(JwtProperties.Claims.DEFAULTS).convert(Map.of(
                "sub", "u-1", "school", "s-1", "roles", List.of("DSL", "STAFF"), "exp", 2_000_000_000L));

        CurrentUser user = CurrentUser.of(jwt(claims));
        assertThat(user.userId()).isEqualTo("u-1");
        assertThat(user.schoolId()).isEqualTo("s-1");
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.DSL, Role.STAFF);
        assertThat(claims.get("exp")).isEqualTo(Instant.ofEpochSecond(2_000_000_000L));
    }

    @Test
    void configuredClaimsAndMappedRoleValuesBecomeTheCaller() {
        Map<String, Object> claims = new ClaimMapping(KEYCLOAK_LIKE).convert(Map.of(
                "sub", "provider-subject", "casetrail_user_id", "u-2", "tenant", "s-2",
                "realm_access", Map.of("roles", List.of("casetrail-dsl", "offline_access", "ADMIN"))));

        CurrentUser user = CurrentUser.of(jwt(claims));
        assertThat(user.userId()).isEqualTo("u-2");
        assertThat(user.schoolId()).isEqualTo("s-2");
        assertThat(user.roles()).as("unmapped values, casetrail names included, grant nothing").containsExactly(Role.DSL);
    }

    @Test
    void aCanonicalClaimTheMappingDoesNotPointAtIsDropped() {
        Map<String, Object> claims = new ClaimMapping(KEYCLOAK_LIKE).convert(Map.of(
                "sub", "provider-subject", "school", "s-9", "roles", List.of("ADMIN")));

        assertThat(claims).doesNotContainKeys("sub", "school", "roles");
    }

    @Test
    void rolesMayComeAsOneSeparatedString() {
        JwtProperties.Claims scopeLike = new JwtProperties.Claims("sub", "school", "casetrail_roles",
                "preferred_username", "name", Map.of());
        Map<String, Object> claims = new ClaimMapping(scopeLike).convert(Map.of(
                "sub", "u-3", "school", "s-3", "casetrail_roles", "HR, STAFF"));

        assertThat(CurrentUser.of(jwt(claims)).roles()).containsExactlyInAnyOrder(Role.HR, Role.STAFF);
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return new Jwt("t", null, null, Map.of("alg", "RS256"), claims);
    }
}

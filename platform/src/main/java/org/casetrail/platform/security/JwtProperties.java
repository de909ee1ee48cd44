package org.casetrail.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

import java.util.List;
import java.util.Map;

/**
 * How services validate bearer tokens. Exactly one key source: {@code issuerUri} (an OpenID
 * Connect provider, production) or {@code publicKeyLocation} (the gateway's own key, embedded).
 * The issuer and the audience are always checked, whichever source is used.
 *
 * @param publicPaths extra request paths open without a token (the gateway's token endpoint)
 * @param claims      where in the provider's tokens casetrail finds who the caller is
 */
@ConfigurationProperties("casetrail.security.jwt")
public record JwtProperties(String issuer, String audience, String issuerUri, Resource publicKeyLocation,
                            List<String> publicPaths, Claims claims) {

    @ConstructorBinding
    public JwtProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        claims = claims == null ? Claims.DEFAULTS : claims;
    }

    /** With the claim names casetrail's own tokens use. */
    public JwtProperties(String issuer, String audience, String issuerUri, Resource publicKeyLocation,
                         List<String> publicPaths) {
        this(issuer, audience, issuerUri, publicKeyLocation, publicPaths, Claims.DEFAULTS);
    }

    /**
     * The claim names of the identity provider, mapped onto the ones {@link CurrentUser} reads. A name
     * may be a dotted path into a JSON object claim ({@code realm_access.roles}). Every service must be
     * given the same mapping as the gateway.
     *
     * @param userId     the casetrail directory id of the user (the gateway's users' {@code userId})
     * @param school     the user's school id
     * @param roles      an array (or a space- or comma-separated string) of role values
     * @param username   the login name, for display and logs
     * @param name       the display name
     * @param roleValues the provider's role values mapped to casetrail roles ({@code casetrail-dsl: DSL});
     *                   empty: the values are casetrail role names already. A value not mapped (or not a
     *                   role) grants nothing.
     */
    public record Claims(@DefaultValue("sub") String userId,
                         @DefaultValue(CurrentUser.CLAIM_SCHOOL) String school,
                         @DefaultValue(CurrentUser.CLAIM_ROLES) String roles,
                         @DefaultValue(CurrentUser.CLAIM_USERNAME) String username,
                         @DefaultValue(CurrentUser.CLAIM_NAME) String name,
                         Map<String, String> roleValues) {

        public static final Claims DEFAULTS = new Claims("sub", CurrentUser.CLAIM_SCHOOL, CurrentUser.CLAIM_ROLES,
                CurrentUser.CLAIM_USERNAME, CurrentUser.CLAIM_NAME, Map.of());

        public Claims {
            roleValues = roleValues == null ? Map.of() : Map.copyOf(roleValues);
        }

        /** casetrail's own names and values: nothing to map. */
        boolean isIdentity() {
            return equals(DEFAULTS);
        }
    }
}

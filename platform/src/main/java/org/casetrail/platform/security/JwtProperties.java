package org.casetrail.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import java.util.List;

/**
 * How services validate bearer tokens. Exactly one key source: {@code issuerUri} (an OpenID
 * Connect provider, production) or {@code publicKeyLocation} (the gateway's own key, embedded).
 * The issuer and the audience are always checked, whichever source is used.
 *
 * @param publicPaths extra request paths open without a token (the gateway's token endpoint)
 */
@ConfigurationProperties("casetrail.security.jwt")
public record JwtProperties(String issuer, String audience, String issuerUri, Resource publicKeyLocation,
                            List<String> publicPaths) {

    public JwtProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}

package org.casetrail.gateway.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

import java.time.Duration;

/**
 * The gateway's own token issuer, embedded profile only (production uses the school's OpenID
 * Connect provider).
 *
 * @param privateKeyLocation PKCS#8 PEM ("BEGIN PRIVATE KEY") of the RSA key that signs tokens; the
 *                           services check them with the matching public key
 *                           ({@code casetrail.security.jwt.public-key-location})
 * @param ttl                how long a token is valid; short, because a token cannot be revoked
 */
@ConfigurationProperties("casetrail.gateway.jwt")
public record TokenSigningProperties(Resource privateKeyLocation, @DefaultValue("1h") Duration ttl) {
}

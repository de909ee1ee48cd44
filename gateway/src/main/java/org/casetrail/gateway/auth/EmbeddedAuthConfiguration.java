package org.casetrail.gateway.auth;

import org.casetrail.platform.security.JwtProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.time.Clock;

/**
 * The gateway as a token issuer exists only in the embedded profile: without it no bean, no
 * endpoint, and no need for a private key. Production trusts the school's OIDC provider.
 */
@Configuration(proxyBeanMethods = false)
@Profile("embedded")
class EmbeddedAuthConfiguration {

    @Bean
    TokenIssuer tokenIssuer(TokenSigningProperties signing, JwtProperties jwt, Clock clock) {
        return new TokenIssuer(PemKeys.readPrivateKey(signing.privateKeyLocation()), jwt.issuer(), jwt.audience(),
                signing.ttl(), clock);
    }
}

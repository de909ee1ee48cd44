package org.casetrail.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.casetrail.gateway.directory.DirectoryUser;
import org.casetrail.platform.security.CurrentUser;

import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs RS256 access tokens with the claims every service reads through {@link CurrentUser}.
 * The key id is the key's thumbprint, so a rotated key is recognisable in logs.
 */
public class TokenIssuer {

    private final RSASSASigner signer;
    private final String keyId;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final Clock clock;

    public TokenIssuer(RSAPrivateCrtKey key, String issuer, String audience, Duration ttl, Clock clock) {
        this.signer = new RSASSASigner(key);
        try {
            this.keyId = new RSAKey.Builder(PemKeys.publicKeyOf(key)).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        this.issuer = issuer;
        this.audience = audience;
        this.ttl = ttl;
        this.clock = clock;
    }

    public record IssuedToken(String value, Duration expiresIn) {
    }

    public IssuedToken issue(DirectoryUser user) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(user.userId())
                .claim(CurrentUser.CLAIM_SCHOOL, user.schoolId())
                .claim(CurrentUser.CLAIM_ROLES, user.sortedRoles().stream().map(Enum::name).toList())
                .claim(CurrentUser.CLAIM_USERNAME, user.username())
                .claim(CurrentUser.CLAIM_NAME, user.displayName())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), ttl);
    }
}

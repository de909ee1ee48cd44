package org.casetrail.gateway.auth;

import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** Reads the RSA signing key from PEM, the format the devstack and docker-compose hand over. */
final class PemKeys {

    private PemKeys() {
    }

    static RSAPrivateCrtKey readPrivateKey(Resource location) {
        if (location == null) {
            throw new IllegalStateException("casetrail.gateway.jwt.private-key-location must be set to issue tokens");
        }
        try (InputStream in = location.getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            if (pem.contains("BEGIN RSA PRIVATE KEY")) {
                throw new IllegalStateException("the key at " + location + " is PKCS#1; convert it to PKCS#8 "
                        + "(openssl pkcs8 -topk8 -nocrypt)");
            }
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("cannot read the RSA private key (PKCS#8 PEM) at " + location, e);
        }
    }

    /** The public half, derived so that only one file has to be configured for signing. */
    static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.casetrail.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The RSA key pair the gateway signs tokens with and every service verifies them with.
 * Generated once per data directory, so tokens stay valid across restarts.
 */
public final class JwtKeys {

    static final String DIR = "keys";
    static final String PUBLIC = "jwt-public.pem";
    static final String PRIVATE = "jwt-private.pem";
    private static final int PEM_LINE = 64;

    private JwtKeys() {
    }

    public static Path publicKey(Path dataDir) {
        return dataDir.resolve(DIR).resolve(PUBLIC).toAbsolutePath();
    }

    public static Path privateKey(Path dataDir) {
        return dataDir.resolve(DIR).resolve(PRIVATE).toAbsolutePath();
    }

    /** Creates both files unless both exist (a lone half of a pair is useless, so it is replaced). */
    public static void ensure(Path dataDir) {
        Path pub = publicKey(dataDir);
        Path priv = privateKey(dataDir);
        if (Files.exists(pub) && Files.exists(priv)) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(DevstackDefaults.JWT_RSA_BITS);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(pub.getParent());
            Files.deleteIfExists(priv);
            // getEncoded(): X.509 SubjectPublicKeyInfo for the public key, PKCS#8 for the private one.
            writeOwnerOnly(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no RSA", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(PEM_LINE, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** Created with mode 600 from the start, so the key is never briefly world-readable. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: nothing finer to set
        } catch (FileAlreadyExistsException e) {
            throw new IOException("refusing to overwrite " + file, e);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }
}

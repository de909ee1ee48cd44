package org.casetrail.devstack;

import org.subethamail.smtp.server.SMTPServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import static org.casetrail.devstack.DevstackDefaults.HOST;

/**
 * The mail catcher of the embedded run: an SMTP server (SubEtha SMTP) that delivers nothing and
 * keeps every mail it accepts as a {@code .eml} file (the raw message, one file per recipient) under
 * {@code <dataDir>/mail/}, named by arrival time and recipient, so the newest sorts last. Any mail
 * client opens them; {@code ls data/mail} and {@code cat} are enough to read one.
 *
 * <p>Run as a child: {@code MailMain --data-dir <dir> --port <port> [--parent-pid <pid>]}.
 */
public final class MailMain {

    static final String MAIL_DIR = "mail";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private MailMain() {
    }

    public static void main(String[] argv) throws InterruptedException {
        Args args = new Args(argv);
        ParentWatch.fromArgs(args);
        start(Path.of(args.required("--data-dir")), args.requiredInt("--port"));
        Thread.currentThread().join(); // the server's threads serve; the shutdown hook ends us
    }

    /** Binds and starts; a shutdown hook stops it. */
    public static SMTPServer start(Path dataDir, int port) {
        Path folder = mailDir(dataDir);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SMTPServer server = new SMTPServer.Builder()
                .bindAddress(loopback())
                .port(port)
                .softwareName("casetrail mail catcher")
                .messageHandler((context, from, to, data) -> store(folder, to, data))
                .build();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "mail-shutdown"));
        System.out.println("casetrail: mail catcher listening on " + HOST + ":" + port + ", mails in "
                + folder.toAbsolutePath());
        return server;
    }

    public static Path mailDir(Path dataDir) {
        return dataDir.resolve(MAIL_DIR);
    }

    /** Written to a temporary name and moved, so a reader never sees half a mail. */
    static Path store(Path folder, String recipient, byte[] message) {
        String name = STAMP.format(Instant.now()) + "-" + String.format("%06d", SEQUENCE.incrementAndGet()) + "-" + safe(recipient) + ".eml";
        try {
            Path partial = Files.write(folder.resolve("." + name + ".part"), message);
            return Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recipient address as a file name part: letters, digits, dot, dash, underscore and @ only. */
    static String safe(String recipient) {
        String cleaned = recipient == null ? "unknown" : recipient.replaceAll("[^A-Za-z0-9@._-]", "_");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName(HOST);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException(e);
        }
    }
}

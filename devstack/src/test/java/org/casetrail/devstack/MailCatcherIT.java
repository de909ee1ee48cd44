package org.casetrail.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail catcher is a real SMTP server in its own process: a mail sent to it over a plain SMTP
 * dialogue lands, whole, as a .eml file under the data directory, and survives a restart of the
 * catcher.
 */
class MailCatcherIT {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void everyMailAcceptedLandsAsAnEmlFileInTheDataDirectory(@TempDir Path dataDir) throws Exception {
        try (Devstack stack = Devstack.builder().dataDir(dataDir).ports(Ports.randomFree())
                .components(Component.MAIL).out(QUIET).build()) {
            stack.start();

            send(stack.ports().mail(), "dina.dsl@demo-school.example", "[casetrail, urgent] Concern reported CT-2026-000001");
            send(stack.ports().mail(), "paul.principal@demo-school.example", "[casetrail] Daily digest: 1 notification");

            List<Path> mails = emls(stack.mailDir());
            assertThat(mails).hasSize(2);
            assertThat(mails.get(0).getFileName().toString()).endsWith("-dina.dsl@demo-school.example.eml");
            String first = Files.readString(mails.get(0));
            assertThat(first).contains("Subject: [casetrail, urgent] Concern reported CT-2026-000001")
                    .contains("Type: CONCERN_REPORTED");

            stack.stop(Component.MAIL);
            stack.start(Component.MAIL);
            send(stack.ports().mail(), "hana.hr@demo-school.example", "[casetrail] Hearing scheduled CT-2026-000002");
            assertThat(emls(stack.mailDir())).hasSize(3);

            // start() starts what is not running and leaves the rest alone (a test that crashed only some components).
            long pid = stack.pid(Component.MAIL);
            stack.start();
            assertThat(stack.pid(Component.MAIL)).isEqualTo(pid);
        }
    }

    private static List<Path> emls(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().toList();
        }
    }

    /** A minimal SMTP client: the catcher must speak the protocol, not a library's shortcut. */
    private static void send(int port, String to, String subject) throws Exception {
        try (Socket socket = new Socket(DevstackDefaults.HOST, port);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
             Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
            expect(in, "220");
            command(out, in, "HELO test", "250");
            command(out, in, "MAIL FROM:<casetrail@localhost>", "250");
            command(out, in, "RCPT TO:<" + to + ">", "250");
            command(out, in, "DATA", "354");
            command(out, in, "From: casetrail@localhost\r\nTo: " + to + "\r\nSubject: " + subject
                    + "\r\n\r\nType: CONCERN_REPORTED\r\n.", "250");
            command(out, in, "QUIT", "221");
        }
    }

    private static void command(Writer out, BufferedReader in, String line, String expected) throws Exception {
        out.write(line + "\r\n");
        out.flush();
        expect(in, expected);
    }

    private static void expect(BufferedReader in, String code) throws Exception {
        String line;
        do {
            line = in.readLine();
            assertThat(line).as("SMTP reply").isNotNull();
        } while (line.length() > 3 && line.charAt(3) == '-');
        assertThat(line).startsWith(code);
    }
}

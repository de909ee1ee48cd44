package org.casetrail.devstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar devstack/target/devstack.jar up|mongo|kafka|help}. Usually run through the
 * {@code ./casetrail} script at the repository root, which builds what is missing first.
 *
 * <p>{@code up} runs every component as a child process; {@code mongo} and {@code kafka} run that
 * one server inside this JVM, in the foreground, logging to the console.
 */
public final class DevstackCli {

    private static final String USAGE = """
            usage: java -jar devstack/target/devstack.jar <command>
              up      start Mongo, Kafka, the mail catcher and the four services; Ctrl-C stops everything
              mongo   run only the MongoDB-wire server, in the foreground
              kafka   run only the Kafka broker, in the foreground
              help    show this
            environment: CASETRAIL_DATA_DIR (default ./data), CASETRAIL_MONGO_PORT, CASETRAIL_KAFKA_PORT,
              CASETRAIL_KAFKA_CONTROLLER_PORT, CASETRAIL_GATEWAY_PORT, CASETRAIL_CASE_PORT,
              CASETRAIL_DISCLOSURE_PORT, CASETRAIL_NOTIFICATION_PORT, CASETRAIL_MAIL_PORT (2525),
              CASETRAIL_REPO_ROOT (default .)""";

    private DevstackCli() {
    }

    public static void main(String[] args) {
        // Before anything touches slf4j: the launcher's own logging (Kafka AdminClient) stays quiet.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", DevstackDefaults.LOGBACK_CONFIG);
        }
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
        // Exit code 0 only after help; `up`, `mongo` and `kafka` block until the JVM is shut down.
    }

    /** Returns the exit code; blocks for as long as the stack runs. Testable without System.exit. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "help" : args[0];
        try {
            switch (command) {
                case "up" -> up(env, out);
                case "mongo" -> mongo(env, out);
                case "kafka" -> kafka(env, out);
                case "help", "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    err.println("casetrail: unknown command '" + command + "'");
                    err.println(USAGE);
                    return DevstackException.PRECONDITION_FAILED;
                }
            }
            return 0;
        } catch (DevstackException e) {
            err.println(e.getMessage());
            return e.exitCode();
        }
    }

    private static void up(Map<String, String> env, PrintStream out) {
        Devstack stack = Devstack.builder().fromEnvironment(env).out(out).build();
        // Registered before start so Ctrl-C during a slow start-up also cleans up.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-stop"));
        stack.start();
        out.println(banner(stack));
        blockForever();
    }

    private static void mongo(Map<String, String> env, PrintStream out) {
        Devstack stack = Devstack.builder().fromEnvironment(env).build(); // only for paths and ports
        PortCheck.requireFree(stack.ports().bindings(EnumSet.of(Component.MONGO)));
        MongoMain.start(stack.dataDir(), stack.ports().mongo()); // its shutdown hook closes the store on Ctrl-C
        out.println("casetrail: " + stack.mongoUri() + " — Ctrl-C stops it");
        blockForever();
    }

    private static void kafka(Map<String, String> env, PrintStream out) {
        Devstack stack = Devstack.builder().fromEnvironment(env).build();
        PortCheck.requireFree(stack.ports().bindings(EnumSet.of(Component.KAFKA)));
        out.println("casetrail: starting kafka on " + stack.kafkaBootstrapServers() + " — Ctrl-C stops it");
        KafkaMain.run(stack.dataDir(), stack.ports().kafka(), stack.ports().kafkaController());
    }

    static String banner(Devstack stack) {
        Path data = stack.dataDir();
        int gatewayPort = stack.ports().gateway();
        return """

                casetrail is up: %s

                  Demo users of school demo-school, password "demo":
                    sam.staff (STAFF)              tara.teacher (STAFF)
                    dina.dsl (DSL, STAFF)          hana.hr (HR, STAFF)
                    paul.principal (PRINCIPAL, STAFF)
                    ivan.investigator (INVESTIGATOR, STAFF)
                    gwen.governor (GOVERNOR)       aldo.auditor (AUDITOR)
                    ada.admin (ADMIN)
                  and olga.other (PRINCIPAL of other-school).

                  Get a token:
                    curl -s -XPOST localhost:%d/auth/token -H 'Content-Type: application/json' -d '{"username":"sam.staff","password":"demo"}'

                  Logs: %s
                  Mail: %s (every e-mail sent, one .eml file each; SMTP on port %d)
                  Data: %s (delete it for a fresh start)
                  Ctrl-C stops everything.
                """.formatted(stack.gatewayUrl(), gatewayPort, data.resolve("logs"), stack.mailDir(),
                stack.ports().mail(), data);
    }

    private static void blockForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.casetrail.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged write must survive kill -9 of the Mongo-wire server. The control test shows
 * that the stock H2 backend (commit about once a second) does lose acknowledged writes, so the
 * main test is not passing by luck.
 */
class MongoDurabilityIT {

    private static final int SINGLE_INSERTS = 300;
    private static final int BATCH = 500;
    private static final int CONTROL_ATTEMPTS = 3;
    private static final int WRITERS = 4;
    private static final int PER_WRITER = 100;
    private static final int CONCURRENT_BASE = 1_000_000;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void acknowledgedWritesSurviveKill9(@TempDir Path dataDir) throws InterruptedException {
        try (Devstack stack = Devstack.builder().dataDir(dataDir).ports(Ports.randomFree())
                .components(Component.MONGO).out(QUIET).build()) {
            stack.start();
            MongoClient client = client(stack.mongoUri());
            MongoCollection<Document> reports = reports(client);
            for (int i = 0; i < SINGLE_INSERTS; i++) {
                reports.insertOne(new Document("_id", i).append("text", "report " + i));
            }
            reports.insertMany(IntStream.range(SINGLE_INSERTS, SINGLE_INSERTS + BATCH)
                    .mapToObj(i -> new Document("_id", i).append("text", "report " + i)).toList());
            reports.updateOne(Filters.eq("_id", 0), Updates.set("status", "edited"));
            reports.deleteOne(Filters.eq("_id", 1));
            // Concurrent writers on several connections, as the four services are: a commit already
            // running for another connection must not let a later write be acknowledged uncommitted.
            List<Integer> concurrentAcked = Collections.synchronizedList(new ArrayList<>());
            List<Thread> writers = IntStream.range(0, WRITERS).mapToObj(w -> new Thread(() -> {
                for (int i = 0; i < PER_WRITER; i++) {
                    int id = CONCURRENT_BASE + w * PER_WRITER + i;
                    reports.insertOne(new Document("_id", id));
                    concurrentAcked.add(id);
                }
            })).toList();
            writers.forEach(Thread::start);
            for (Thread writer : writers) {
                writer.join();
            }

            stack.kill9(Component.MONGO); // right after the last acknowledgement, before anything else
            client.close();
            stack.start(Component.MONGO);

            try (MongoClient again = client(stack.mongoUri())) {
                MongoCollection<Document> reloaded = reports(again);
                assertThat(reloaded.countDocuments()).isEqualTo(SINGLE_INSERTS + BATCH - 1 + concurrentAcked.size());
                assertThat(reloaded.countDocuments(Filters.in("_id", concurrentAcked))).isEqualTo(WRITERS * PER_WRITER);
                assertThat(reloaded.find(Filters.eq("_id", 0)).first()).containsEntry("status", "edited");
                assertThat(reloaded.find(Filters.eq("_id", 1)).first()).isNull();
                assertThat(reloaded.find(Filters.eq("_id", SINGLE_INSERTS + BATCH - 1)).first()).isNotNull();
            }
        }
    }

    @Test
    void stockH2BackendLosesAcknowledgedWritesOnKill9(@TempDir Path dataDir) throws Exception {
        List<Long> lostPerAttempt = new ArrayList<>();
        for (int attempt = 0; attempt < CONTROL_ATTEMPTS; attempt++) {
            Path dir = dataDir.resolve("attempt-" + attempt);
            int port = Ports.randomFree().mongo();
            Process server = startPlain(dir, port);
            try (MongoClient client = client("mongodb://127.0.0.1:" + port)) {
                MongoCollection<Document> reports = reports(client);
                for (int i = 0; i < SINGLE_INSERTS; i++) {
                    reports.insertOne(new Document("_id", i));
                }
                server.destroyForcibly().waitFor();
            }
            server = startPlain(dir, port);
            try (MongoClient client = client("mongodb://127.0.0.1:" + port)) {
                lostPerAttempt.add(SINGLE_INSERTS - reports(client).countDocuments());
            } finally {
                server.destroyForcibly().waitFor();
            }
            if (lostPerAttempt.get(attempt) > 0) {
                break; // shown; the retry only guards against a background commit landing just in time
            }
        }
        System.out.println("stock H2Backend: acknowledged inserts lost per attempt " + lostPerAttempt
                + " of " + SINGLE_INSERTS);
        assertThat(lostPerAttempt).anySatisfy(lost -> assertThat(lost).isPositive());
    }

    private static Process startPlain(Path dir, int port) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + DevstackDefaults.LOGBACK_CONFIG,
                "-cp", Devstack.currentClasspath(), PlainH2MongoMain.class.getName(),
                "--data-dir", dir.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolveSibling(dir.getFileName() + ".log").toFile()))
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!Readiness.portAccepts(port)) {
            assertThat(process.isAlive()).as("control server alive").isTrue();
            assertThat(Instant.now()).as("control server listening in time").isBefore(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return process;
    }

    private static MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .writeConcern(WriteConcern.ACKNOWLEDGED)
                .retryWrites(false) // a retried write could hide a lost one
                .build());
    }

    private static MongoCollection<Document> reports(MongoClient client) {
        return client.getDatabase("casetrail_it").getCollection("reports");
    }
}

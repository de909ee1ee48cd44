package org.casetrail.devstack;

import static org.casetrail.devstack.DevstackDefaults.HOST;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The MongoDB-wire server: mongo-java-server on an H2 MVStore file at
 * {@code <dataDir>/mongo/casetrail.mv}, with per-command commits ({@link DurableH2Backend}).
 *
 * <p>Run as a child: {@code MongoMain --data-dir <dir> --port <port> [--parent-pid <pid>]}.
 */
public final class MongoMain {

    static final String STORE_DIR = "mongo";
    static final String STORE_FILE = "casetrail.mv";

    private MongoMain() {
    }

    public static void main(String[] argv) throws InterruptedException {
        Args args = new Args(argv);
        ParentWatch.fromArgs(args);
        start(Path.of(args.required("--data-dir")), args.requiredInt("--port"));
        Thread.currentThread().join(); // netty threads serve; the shutdown hook ends us
    }

    /** Opens the store and binds; a shutdown hook closes it (which commits and releases the file lock). */
    public static MongoServer start(Path dataDir, int port) {
        Path file = storeFile(dataDir);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MVStore store = open(file);
        if (!DurableH2Backend.compact(store)) {
            store.closeImmediately();
            store = open(file);
        }
        // Closing (the shutdown hook) commits; it does not compact again: a long compaction at
        // exit is where H2's chunk mover failed, and the next start compacts anyway.
        DurableH2Backend backend = new DurableH2Backend(store);
        MongoServer server = new MongoServer(backend);
        server.bind(HOST, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-shutdown"));
        System.out.println("casetrail: mongo listening on " + HOST + ":" + port + ", store " + file.toAbsolutePath());
        return server;
    }

    private static MVStore open(Path file) {
        try {
            return new MVStore.Builder().fileName(file.toString())
                    .autoCompactFillRate(DevstackDefaults.MONGO_AUTO_COMPACT_FILL_RATE).open();
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new DevstackException("casetrail: " + file.toAbsolutePath() + " is in use by another process"
                        + " — is a devstack already running on this data dir? (CASETRAIL_DATA_DIR)",
                        DevstackException.PRECONDITION_FAILED, e);
            }
            throw e;
        }
    }

    public static Path storeFile(Path dataDir) {
        return dataDir.resolve(STORE_DIR).resolve(STORE_FILE);
    }
}

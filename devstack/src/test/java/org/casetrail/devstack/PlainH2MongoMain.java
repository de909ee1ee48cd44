package org.casetrail.devstack;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/** Control for {@link MongoDurabilityIT}: the stock H2 backend, without per-command commits. */
public final class PlainH2MongoMain {

    private PlainH2MongoMain() {
    }

    public static void main(String[] argv) throws InterruptedException {
        Args args = new Args(argv);
        Path file = MongoMain.storeFile(Path.of(args.required("--data-dir")));
        file.getParent().toFile().mkdirs();
        MongoServer server = new MongoServer(new H2Backend(MVStore.open(file.toString())));
        server.bind(DevstackDefaults.HOST, args.requiredInt("--port"));
        Thread.currentThread().join();
    }
}

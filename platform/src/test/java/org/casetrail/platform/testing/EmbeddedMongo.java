package org.casetrail.platform.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;

/**
 * The embedded MongoDB-wire server for integration tests: one per test JVM, on a free port,
 * reached through the ordinary driver exactly like a real server. Each test class uses its own
 * database name so that classes do not see each other's data.
 */
public final class EmbeddedMongo {

    private static MongoServer server;
    private static InetSocketAddress address;

    private EmbeddedMongo() {
    }

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            address = server.getLocalAddress();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }
}

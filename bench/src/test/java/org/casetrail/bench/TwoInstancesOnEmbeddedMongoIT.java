package org.casetrail.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.casetrail.devstack.MongoMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/** The concurrency suite on the embedded default: the devstack's Mongo-wire server on its durable H2 backend. */
class TwoInstancesOnEmbeddedMongoIT extends TwoInstancesContract {

    @TempDir
    Path dataDir;

    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = MongoMain.start(dataDir, port);
        client = MongoClients.create("mongodb://127.0.0.1:" + port);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Override
    protected MongoClient client() {
        return client;
    }

    @Override
    protected String database() {
        return "concurrency";
    }
}

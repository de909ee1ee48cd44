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

/** The killed-writer suite on the embedded default (the devstack's Mongo-wire server, durable H2 backend). */
class KilledWriterOnEmbeddedMongoIT extends KilledWriterContract {

    @TempDir
    Path dataDir;

    private MongoServer server;
    private MongoClient client;
    private String uri;

    @BeforeEach
    void start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = MongoMain.start(dataDir, port);
        uri = "mongodb://127.0.0.1:" + port;
        client = MongoClients.create(uri);
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
    protected String uri() {
        return uri;
    }

    @Override
    protected String database() {
        return "killed";
    }
}

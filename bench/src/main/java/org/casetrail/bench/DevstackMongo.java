package org.casetrail.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.casetrail.devstack.MongoMain;

/** The devstack's Mongo-wire server (durable H2 backend, as `./casetrail up` runs it) on a free port, with a client. */
record DevstackMongo(MongoServer server, String uri, MongoClient client) implements AutoCloseable {

    static DevstackMongo start(Path dataDir) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        MongoServer server = MongoMain.start(dataDir, port);
        String uri = "mongodb://127.0.0.1:" + port;
        return new DevstackMongo(server, uri, MongoClients.create(uri));
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}

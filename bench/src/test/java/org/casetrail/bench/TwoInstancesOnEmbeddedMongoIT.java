package org.casetrail.bench;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

/** The concurrency suite on the embedded default: the devstack's Mongo-wire server on its durable H2 backend. */
class TwoInstancesOnEmbeddedMongoIT extends TwoInstancesContract {

    @TempDir
    Path dataDir;

    private DevstackMongo mongo;

    @BeforeEach
    void start() throws IOException {
        mongo = DevstackMongo.start(dataDir);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Override
    protected MongoClient client() {
        return mongo.client();
    }

    @Override
    protected String database() {
        return "concurrency";
    }
}

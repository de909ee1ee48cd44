package org.casetrail.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The twin of {@link TwoInstancesOnEmbeddedMongoIT} on a real MongoDB replica set; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class TwoInstancesOnMongoContainersIT extends TwoInstancesContract {

    private static final String MONGO_IMAGE = "mongo:7.0";

    private static MongoDBContainer mongo;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        mongo = new MongoDBContainer(MONGO_IMAGE);
        mongo.start();
        client = MongoClients.create(mongo.getReplicaSetUrl());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (mongo != null) {
            mongo.stop();
        }
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

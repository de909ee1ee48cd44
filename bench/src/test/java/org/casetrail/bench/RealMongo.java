package org.casetrail.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.testcontainers.containers.MongoDBContainer;

/**
 * A real MongoDB replica set from Testcontainers, started on first use and shared by every
 * {@code *OnMongoContainersIT} of this module (Testcontainers' Ryuk stops it when the JVM ends).
 * Callers are annotated {@code @Testcontainers(disabledWithoutDocker = true)}, so without Docker
 * nothing here runs.
 */
final class RealMongo {

    private static final String MONGO_IMAGE = "mongo:7.0";

    private static MongoDBContainer mongo;
    private static MongoClient client;

    private RealMongo() {
    }

    static synchronized MongoClient client() {
        start();
        return client;
    }

    static synchronized String uri() {
        start();
        return mongo.getReplicaSetUrl();
    }

    private static void start() {
        if (mongo == null) {
            mongo = new MongoDBContainer(MONGO_IMAGE);
            mongo.start();
            client = MongoClients.create(mongo.getReplicaSetUrl());
        }
    }
}

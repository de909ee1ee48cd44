package org.casetrail.bench;

import com.mongodb.client.MongoClient;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The twin of {@link TwoInstancesOnEmbeddedMongoIT} on a real MongoDB replica set; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class TwoInstancesOnMongoContainersIT extends TwoInstancesContract {

    @Override
    protected MongoClient client() {
        return RealMongo.client();
    }

    @Override
    protected String database() {
        return "concurrency";
    }
}

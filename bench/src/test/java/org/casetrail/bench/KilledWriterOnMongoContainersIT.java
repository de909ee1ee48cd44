package org.casetrail.bench;

import com.mongodb.client.MongoClient;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The twin of {@link KilledWriterOnEmbeddedMongoIT} on a real MongoDB replica set; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class KilledWriterOnMongoContainersIT extends KilledWriterContract {

    @Override
    protected MongoClient client() {
        return RealMongo.client();
    }

    @Override
    protected String uri() {
        return RealMongo.uri();
    }

    @Override
    protected String database() {
        return "killed";
    }
}

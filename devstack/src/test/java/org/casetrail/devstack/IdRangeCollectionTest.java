package org.casetrail.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link IdRangeCollection} answers "the next n after an {@code _id}" from its ordered data: the
 * answers must be the stock backend's, query for query, on the same file.
 */
class IdRangeCollectionTest {

    private static final int DOCUMENTS = 3_000;

    @Test
    void answersAscendingIdRangesExactlyAsTheStockBackendDoes(@TempDir Path dataDir) {
        Path file = storeFile(dataDir);
        // Gaps and a random insertion order: the map's order, not the insertion order, must decide.
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= DOCUMENTS; id++) {
            if (id % 7 != 0) {
                ids.add(id);
            }
        }
        java.util.Collections.shuffle(ids, new Random(7));
        List<Bson> filters = List.of(Filters.gt("_id", 0L), Filters.gt("_id", 500L), Filters.gte("_id", 700L),
                Filters.gt("_id", 699), Filters.gt("_id", (long) DOCUMENTS - 3), Filters.gt("_id", (long) DOCUMENTS));
        int[] limits = {1, 7, 500, 2_000, -20};

        List<List<Object>> durable = withServer(() -> new DurableH2Backend(org.h2.mvstore.MVStore.open(file.toString())),
                events -> {
                    for (Long id : ids) {
                        events.insertOne(new Document("_id", id).append("p", "event " + id));
                    }
                    return answers(events, filters, limits);
                });
        List<List<Object>> stock = withServer(() -> new H2Backend(org.h2.mvstore.MVStore.open(file.toString())),
                events -> answers(events, filters, limits));

        assertThat(durable).isEqualTo(stock);
        assertThat(durable.get(6)).as("first 7 after 500").containsExactly(501L, 502L, 503L, 505L, 506L, 507L, 508L);
        assertThat(durable.get(durable.size() - 1)).as("nothing after the last").isEmpty();
    }

    @Test
    void aCollectionWhoseIdsAreNotAllLongsIsAnsweredTheStockWay(@TempDir Path dataDir) {
        // H2 orders keys by type first: ints before longs whatever their value, unlike MongoDB.
        Path file = storeFile(dataDir);
        List<Object> answer = withServer(() -> new DurableH2Backend(org.h2.mvstore.MVStore.open(file.toString())),
                events -> {
                    events.insertOne(new Document("_id", 5L));
                    events.insertOne(new Document("_id", 9));
                    events.insertOne(new Document("_id", 7L));
                    events.insertOne(new Document("_id", 3));
                    events.insertOne(new Document("_id", "x"));
                    return ids(events.find(Filters.gt("_id", 4L)).sort(new Document("_id", 1)).limit(10));
                });
        assertThat(answer).containsExactly(5L, 7L, 9);
    }

    @Test
    void otherQueryShapesAreAnsweredTheStockWay(@TempDir Path dataDir) {
        Path file = storeFile(dataDir);
        List<Object> answers = withServer(() -> new DurableH2Backend(org.h2.mvstore.MVStore.open(file.toString())),
                events -> {
                    for (long id = 1; id <= 20; id++) {
                        events.insertOne(new Document("_id", id).append("odd", id % 2 == 1));
                    }
                    List<Object> all = new ArrayList<>();
                    all.add(ids(events.find(Filters.gt("_id", 10L)).sort(new Document("_id", -1)).limit(3)));
                    all.add(ids(events.find(Filters.gt("_id", 10L)).sort(new Document("_id", 1)).skip(2).limit(3)));
                    all.add(ids(events.find(Filters.and(Filters.gt("_id", 10L), Filters.eq("odd", true)))
                            .sort(new Document("_id", 1)).limit(3)));
                    all.add(ids(events.find(Filters.lt("_id", 4L)).sort(new Document("_id", 1)).limit(5)));
                    all.add(ids(events.find(Filters.gt("_id", 17L)).sort(new Document("_id", 1))));
                    all.add(events.find(Filters.gt("_id", 18L)).sort(new Document("_id", 1)).limit(1)
                            .projection(Projections.include("odd")).first().toJson());
                    return all;
                });
        assertThat(answers).containsExactly(List.of(20L, 19L, 18L), List.of(13L, 14L, 15L), List.of(11L, 13L, 15L),
                List.of(1L, 2L, 3L), List.of(18L, 19L, 20L), "{\"_id\": 19, \"odd\": true}");
    }

    private static List<List<Object>> answers(MongoCollection<Document> events, List<Bson> filters, int[] limits) {
        List<List<Object>> answers = new ArrayList<>();
        for (Bson filter : filters) {
            for (int limit : limits) {
                answers.add(ids(events.find(filter).sort(new Document("_id", 1)).limit(limit)));
            }
        }
        return answers;
    }

    private static List<Object> ids(Iterable<Document> documents) {
        List<Object> ids = new ArrayList<>();
        documents.forEach(d -> ids.add(d.get("_id")));
        return ids;
    }

    private static Path storeFile(Path dataDir) {
        Path file = MongoMain.storeFile(dataDir);
        file.getParent().toFile().mkdirs();
        return file;
    }

    private static <T> T withServer(Supplier<H2Backend> backend, Function<MongoCollection<Document>, T> work) {
        H2Backend opened = backend.get();
        MongoServer server = new MongoServer(opened);
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                return work.apply(client.getDatabase("test").getCollection("events"));
            }
        } finally {
            server.shutdownNow();
        }
    }
}

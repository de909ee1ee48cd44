package org.casetrail.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link IndexKeyOrder} must order index keys exactly as the stock H2 key type does: data files
 * written by either are read by the other, and a B-tree built in one order is searched in it.
 */
class IndexKeyOrderTest {

    private static final int KEYS = 2_000;

    @Test
    void ordersKeysExactlyAsTheStockKeyTypeDoes() {
        Random random = new Random(42);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            keys.add(switch (i % 5) {
                case 0 -> new KeyValue(UUID.randomUUID().toString());
                case 1 -> new KeyValue(random.nextLong());
                case 2 -> new KeyValue(random.nextInt(100));
                case 3 -> new KeyValue("aggregate-" + random.nextInt(50) + "@" + (random.nextInt(10) - 1));
                default -> new KeyValue(new de.bwaldvogel.mongo.bson.Document("a", random.nextInt(5))
                        .append("b", "x" + random.nextInt(5)));
            });
        }
        ObjectDataType stock = new ObjectDataType();
        IndexKeyOrder fast = new IndexKeyOrder();
        for (int i = 0; i < KEYS; i++) {
            KeyValue search = keys.get(i);
            // Many comparisons with one search key, as a B-tree search makes them, against long-lived keys.
            for (int j = 0; j < 40; j++) {
                KeyValue other = keys.get(random.nextInt(KEYS));
                assertThat(Integer.signum(fast.compare(search, other)))
                        .as("%s vs %s", search, other)
                        .isEqualTo(Integer.signum(stock.compare(search, other)));
            }
        }
    }

    @Test
    void aStoreWrittenWithTheStockKeyTypeIsReadAndExtendedAndReadBackByTheStockOneAgain(@TempDir Path dataDir) {
        Path file = MongoMain.storeFile(dataDir);
        file.getParent().toFile().mkdirs();
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add(i % 2 == 0 ? UUID.randomUUID().toString() : (Object) (long) i);
        }
        withServer(() -> new H2Backend(MVStore.open(file.toString())), reports -> {
            for (Object id : ids.subList(0, 300)) {
                reports.insertOne(new Document("_id", id).append("written", "stock"));
            }
            return null;
        });
        MVStore[] durableStore = new MVStore[1];
        withServer(() -> new DurableH2Backend(durableStore[0] = MVStore.open(file.toString())), reports -> {
            assertThat(durableStore[0].openMap("test.reports" + IndexKeyOrder.INDEX_MAP_MARKER + "_id_").getKeyType())
                    .as("the existing _id index is searched in the faster way").isInstanceOf(IndexKeyOrder.class);
            for (Object id : ids.subList(0, 300)) {
                assertThat(reports.find(Filters.eq("_id", id)).first()).as("%s", id).isNotNull();
            }
            assertThatThrownBy(() -> reports.insertOne(new Document("_id", ids.get(7))))
                    .isInstanceOf(MongoWriteException.class);
            for (Object id : ids.subList(300, 500)) {
                reports.insertOne(new Document("_id", id).append("written", "faster"));
            }
            return null;
        });
        withServer(() -> new H2Backend(MVStore.open(file.toString())), reports -> {
            for (Object id : ids) {
                assertThat(reports.find(Filters.eq("_id", id)).first()).as("%s", id).isNotNull();
            }
            assertThat(reports.countDocuments()).isEqualTo(ids.size());
            return null;
        });
    }

    private static void withServer(java.util.function.Supplier<H2Backend> backend,
                                   Function<MongoCollection<Document>, Void> work) {
        H2Backend opened = backend.get();
        MongoServer server = new MongoServer(opened);
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                work.apply(client.getDatabase("test").getCollection("reports"));
            }
        } finally {
            server.shutdownNow();
        }
    }
}

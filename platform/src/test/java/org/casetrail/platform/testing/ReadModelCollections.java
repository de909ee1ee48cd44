package org.casetrail.platform.testing;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A service's read-model collections as stored, for tests that compare them before and after a
 * rebuild: every collection but the event store's own ({@code ct_*}) and those named as not read
 * models (tokens, rebuild bookkeeping, logs), each as its documents in {@code _id} order and as its
 * indexes (name and key) in name order.
 */
public final class ReadModelCollections {

    private static final String EVENT_STORE_PREFIX = "ct_";

    private final MongoDatabase database;
    private final Collection<String> notReadModels;

    public ReadModelCollections(MongoDatabase database, Collection<String> notReadModels) {
        this.database = database;
        this.notReadModels = notReadModels;
    }

    /** Every collection of the database, read models or not. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        database.listCollectionNames().forEach(names::add);
        return names;
    }

    public Map<String, List<Document>> documents() {
        Map<String, List<Document>> models = new TreeMap<>();
        for (String name : readModels()) {
            models.put(name, database.getCollection(name).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        }
        return models;
    }

    public Map<String, List<Document>> indexes() {
        Map<String, List<Document>> indexes = new TreeMap<>();
        for (String name : readModels()) {
            List<Document> ofCollection = database.getCollection(name).listIndexes()
                    .map(i -> new Document("name", i.get("name")).append("key", i.get("key"))).into(new ArrayList<>());
            ofCollection.sort(Comparator.comparing(i -> i.getString("name")));
            indexes.put(name, ofCollection);
        }
        return indexes;
    }

    private List<String> readModels() {
        return names().stream().filter(n -> !n.startsWith(EVENT_STORE_PREFIX) && !notReadModels.contains(n)).toList();
    }
}

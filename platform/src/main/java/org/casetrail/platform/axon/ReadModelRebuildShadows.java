package org.casetrail.platform.axon;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which processors are being rebuilt into shadow collections, and which collections each has
 * touched. Kept in Mongo too ({@code read_model_rebuilds}, one document per processor), so that a
 * service that stops mid-rebuild resumes it into the same shadows, consistent with the processor's
 * stored token, instead of replaying the rest over the live collections.
 */
public class ReadModelRebuildShadows {

    static final String SUFFIX = "__rebuild";
    static final String STATE = "read_model_rebuilds";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private final MongoCollection<Document> state;
    private final Map<String, Set<String>> touched = new ConcurrentHashMap<>();

    public ReadModelRebuildShadows(MongoDatabase database) {
        this.state = database.getCollection(STATE);
        for (Document doc : state.find()) {
            Set<String> names = ConcurrentHashMap.newKeySet();
            names.addAll(doc.getList("collections", String.class, java.util.List.of()));
            touched.put(doc.getString("_id"), names);
        }
    }

    /** The processor whose shadows this thread writes to, or null. */
    static String current() {
        return CURRENT.get();
    }

    /** What a processor runs while it may be writing to its shadows. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code work} with this thread writing to {@code processor}'s shadows, if it is being rebuilt. */
    <T> T within(String processor, Work<T> work) throws Exception {
        if (!shadowing(processor)) {
            return work.run();
        }
        String outer = CURRENT.get();
        CURRENT.set(processor);
        try {
            return work.run();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    boolean shadowing(String processor) {
        return touched.containsKey(processor);
    }

    Collection<String> processors() {
        return touched.keySet();
    }

    void begin(String processor) {
        touched.put(processor, ConcurrentHashMap.newKeySet());
        state.replaceOne(Filters.eq("_id", processor), new Document("_id", processor).append("collections", java.util.List.of()),
                new ReplaceOptions().upsert(true));
    }

    Set<String> collections(String processor) {
        return touched.getOrDefault(processor, Set.of());
    }

    void end(String processor) {
        state.deleteOne(Filters.eq("_id", processor));
        touched.remove(processor);
    }

    String shadowOf(String processor, String collection) {
        Set<String> names = touched.get(processor);
        if (names != null && names.add(collection)) {
            state.updateOne(Filters.eq("_id", processor), Updates.addToSet("collections", collection));
        }
        return collection + SUFFIX;
    }
}

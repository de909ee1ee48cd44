package org.casetrail.devstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.List;

/**
 * An H2 collection that answers one query shape, "the next {@code n} documents after an
 * {@code _id}", by walking its data map from that key, as MongoDB walks its {@code _id} index.
 *
 * <p>Why: the stock collection answers every query other than {@code {_id: x}} and {@code _id $in}
 * by streaming the whole collection through the matcher, then sorting and keeping every match in
 * memory until the cursor is exhausted. A tracking processor replaying a 1,000,000-event store
 * with one sorted cursor made the server hold (and sort) the whole event collection, once per
 * processor: four processors catching up at once did not finish within ten minutes in a 512 MB
 * server (docs/benchmarks-http.md). The event store's replay reads chunk by chunk with
 * {@code find({_id: {$gt: last}}).sort({_id: 1}).limit(n)} instead (ADR 0001), an indexed range on
 * MongoDB; here the data map is keyed by {@code _id}, so the same chunk costs {@code n} reads
 * whatever the size of the collection.
 *
 * <p>Only that exact shape takes this path ({@code $gt} or {@code $gte} on an integral
 * {@code _id}, sort {@code {_id: 1}}, a limit, no skip or projection), and only when every key of
 * the collection is a {@code Long}: H2 orders keys by type before value, so only then is the map's
 * order MongoDB's numeric order. Everything else is the stock path, answer for answer.
 */
final class IdRangeCollection extends H2Collection {

    /** H2Database's map names for a collection's documents and its metadata (mongo-java-server 1.47). */
    static final String DATA_MAP_PREFIX = "databases.";
    static final String META_MAP_PREFIX = "meta.";

    private static final String ID = "_id";

    private final MVMap<Object, Document> dataMap;

    IdRangeCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                      MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.dataMap = dataMap;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        IdRange range = IdRange.of(query, orderBy, numberToSkip, limit, fieldSelector);
        if (range == null || !allKeysAreLongs()) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        List<Document> documents = new ArrayList<>(Math.min(range.limit(), 1024));
        Cursor<Object, Document> cursor = dataMap.cursor(range.from());
        while (documents.size() < range.limit() && cursor.hasNext()) {
            Object key = cursor.next();
            if (range.inclusive() || !range.from().equals(key)) {
                documents.add(cursor.getValue());
            }
        }
        return createQueryResult(documents, batchSize);
    }

    private boolean allKeysAreLongs() {
        // H2's ObjectDataType orders by type first: if the first and the last key are Longs, all are.
        Object first = dataMap.firstKey();
        return first == null || first instanceof Long && dataMap.lastKey() instanceof Long;
    }

    /** {@code {_id: {$gt|$gte: n}}}, sorted by {@code _id} ascending, the first {@code limit}. */
    record IdRange(Long from, boolean inclusive, int limit) {

        static IdRange of(Document query, Document orderBy, int numberToSkip, int limit, Document fieldSelector) {
            if (limit == 0 || numberToSkip != 0 || (fieldSelector != null && !fieldSelector.isEmpty())) {
                return null;
            }
            if (orderBy == null || orderBy.size() != 1 || !(orderBy.get(ID) instanceof Number direction)
                    || direction.intValue() != 1) {
                return null;
            }
            if (query == null || query.size() != 1 || !(query.get(ID) instanceof Document condition)
                    || condition.size() != 1) {
                return null;
            }
            String operator = condition.keySet().iterator().next();
            Object bound = condition.get(operator);
            if (!(bound instanceof Long || bound instanceof Integer)) {
                return null;
            }
            boolean inclusive;
            if ("$gt".equals(operator)) {
                inclusive = false;
            } else if ("$gte".equals(operator)) {
                inclusive = true;
            } else {
                return null;
            }
            // A negative limit is the driver's "one batch, then close": the same documents.
            return new IdRange(((Number) bound).longValue(), inclusive, Math.abs(limit));
        }
    }
}

package org.casetrail.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

import java.util.List;

/**
 * An {@link H2Backend} whose acknowledged writes survive {@code kill -9}.
 *
 * <p>Why: the stock backend never commits the MVStore itself; it relies on MVStore's
 * background auto-commit, which runs about once per second ({@code autoCommitDelay} = 1000 ms).
 * A write acknowledged to a client could therefore be lost for up to ~1 s when the process is
 * killed. Here every command that left unsaved changes commits the store <em>before</em> its
 * reply is returned to the wire handler. {@link MVStore#commit()} takes the store lock (waiting
 * for a background commit already in progress) and writes the new chunk synchronously, so once
 * it returns the data is in the operating system's page cache, which outlives the process.
 *
 * <p>Cost, measured on the 2-core build machine (single client, sequential insertOne of ~300-byte
 * documents): about 1,400-1,600 inserts/s instead of 3,000-4,000/s, and each commit writes a
 * chunk of several KB, so the file grows quickly during a burst; the space is reused after
 * {@link DevstackDefaults#MONGO_RETENTION_MS} and {@link #compact(MVStore)} shrinks the file again.
 *
 * <p>It is not an fsync: an OS crash or power loss can still lose the last writes, exactly as
 * with Kafka's default flush policy. That is the right trade for a developer stack.
 *
 * <p>Every command goes through {@link #handleCommand}: the OP_MSG path ({@code handleMessage})
 * and the legacy OP_QUERY command path both delegate to it, so checking "unsaved changes"
 * afterwards covers every modifying command without listing them.
 *
 * <p>Its unique indexes (every {@code _id} lookup) compare keys through {@link IndexKeyOrder}: the
 * stock order, without serializing both keys again on every step of a B-tree search.
 */
public class DurableH2Backend extends H2Backend {

    public DurableH2Backend(MVStore mvStore) {
        // The superclass opens the existing databases (and their indexes) in its constructor: the
        // index maps must be open with the faster key type before that.
        super(IndexKeyOrder.openIndexes(mvStore));
        // Each commit writes a chunk of a few KB; reuse their space soon (see MONGO_RETENTION_MS).
        mvStore.setRetentionTime(DevstackDefaults.MONGO_RETENTION_MS);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * An {@link H2Database} whose new unique indexes use {@link IndexKeyOrder} too, and whose
     * collections answer ascending {@code _id} ranges from their {@code _id}-ordered data
     * ({@link IdRangeCollection}).
     */
    private final class Database extends H2Database {

        Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            super(databaseName, store, cursorRegistry);
        }

        // Both overrides are also called by the superclass constructor (existing indexes and
        // collections): the store comes from the enclosing backend, whose field is set by then.

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            // The map the superclass then opens by name is this one, already open (an existing index
            // was opened so before the backend opened its databases: opening it again finds it).
            IndexKeyOrder.open(getMvStore(), getFullCollectionNamespace(collectionName) + IndexKeyOrder.INDEX_MAP_MARKER
                    + indexName);
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore mvStore = getMvStore();
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = mvStore.openMap(IdRangeCollection.DATA_MAP_PREFIX + fullName);
            MVMap<String, Object> metaMap = mvStore.openMap(IdRangeCollection.META_MAP_PREFIX + fullName);
            return new IdRangeCollection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }
    }

    /**
     * Shrinks the file left by a burst of commits (or by a kill -9), before the store is served.
     * False if H2 gave up: its chunk mover was seen to fail an internal assertion (H2 2.3.232,
     * {@code RandomAccessStore.moveChunkInside}) when compacting on close, after a run of short
     * commits. A larger file is harmless, and every committed chunk is still on disk, so the caller
     * reopens the store rather than serving one whose compaction stopped half-way.
     */
    public static boolean compact(MVStore store) {
        try {
            store.compactFile(DevstackDefaults.MONGO_COMPACT_MS);
            return true;
        } catch (MVStoreException e) {
            System.err.println("casetrail: compacting the mongo store failed; serving it uncompacted: " + e.getMessage());
            return false;
        }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            // In finally: a failed ordered insertMany may still have written its first documents,
            // and the client may treat those as written.
            commitIfDirty();
        }
    }

    private void commitIfDirty() {
        MVStore store = getMvStore();
        if (store.hasUnsavedChanges()) {
            store.commit();
        }
    }
}

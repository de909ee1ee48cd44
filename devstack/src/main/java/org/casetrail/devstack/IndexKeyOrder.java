package org.casetrail.devstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The key type of the H2 backend's unique indexes (every collection's {@code _id} index), ordering
 * keys exactly as the stock one does, only without serializing both keys again for every comparison.
 *
 * <p>Why: an index key is a {@link KeyValue}, which is not {@link Comparable}, so H2's
 * {@link ObjectDataType} compares two of them by Java-serializing both and comparing the bytes, on
 * every step of every B-tree search: some 15 steps, 30 serializations, per {@code _id} lookup,
 * insert or update. A JFR profile of notification-service's intake on the devstack showed the
 * Mongo-wire server spending half of its command-handling time there (docs/benchmarks-http.md).
 *
 * <p>What changes: the serialized form of a key is computed once per key object and reused. The
 * search key (always the first argument of a search's comparisons) is remembered per thread; the
 * keys held by the index's pages in a bounded identity cache. The order is the stock one, byte for
 * byte ({@link ObjectDataType#compareNotNull} of {@link ObjectDataType#serialize}), and keys are
 * written and read as before, so existing data files stay valid in both directions. Identity, not
 * {@code equals}: two equal {@code KeyValue}s need not serialize alike (sub-documents with their
 * fields in another order are equal as maps).
 */
final class IndexKeyOrder extends ObjectDataType {

    /** The marker of an index map's name (see H2Database#mapNameForIndex in mongo-java-server). */
    static final String INDEX_MAP_MARKER = "._index_";
    /** Serialized keys are a few hundred bytes; this bounds the cache to some tens of MB. */
    private static final int CACHED_KEYS = 50_000;

    /** Shared by every index: a key object belongs to one index's pages, so there is no mix-up. */
    private static final ConcurrentHashMap<Identity, byte[]> CACHE = new ConcurrentHashMap<>();
    private static final ThreadLocal<Object> LAST_SEARCH_KEY = new ThreadLocal<>();
    private static final ThreadLocal<byte[]> LAST_SEARCH_BYTES = new ThreadLocal<>();

    IndexKeyOrder() {
    }

    /** Opens (or finds already open) an index map with this key type; the value type stays the stock one. */
    static void open(MVStore store, String mapName) {
        store.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyOrder()));
    }

    /** Opens every index map of the store with this key type, before the backend opens them its way. */
    static MVStore openIndexes(MVStore store) {
        for (String name : store.getMapNames()) {
            if (name.contains(INDEX_MAP_MARKER)) {
                open(store, name);
            }
        }
        return store;
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue && b instanceof KeyValue) {
            if (a == b) {
                return 0;
            }
            return compareNotNull(searchKeyBytes(a), cachedBytes(b));
        }
        return super.compare(a, b);
    }

    private byte[] searchKeyBytes(Object key) {
        if (LAST_SEARCH_KEY.get() == key) {
            return LAST_SEARCH_BYTES.get();
        }
        byte[] bytes = serialize(key);
        LAST_SEARCH_KEY.set(key);
        LAST_SEARCH_BYTES.set(bytes);
        return bytes;
    }

    private byte[] cachedBytes(Object key) {
        Identity identity = new Identity(key);
        byte[] bytes = CACHE.get(identity);
        if (bytes == null) {
            bytes = serialize(key);
            if (CACHE.size() >= CACHED_KEYS) {
                CACHE.clear(); // crude but bounded: the keys in use come back on the next searches
            }
            CACHE.put(identity, bytes);
        }
        return bytes;
    }

    /** A key by identity: the object, not its value. */
    private record Identity(Object key) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.key == key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }
    }
}

package org.casetrail.platform.accesslog;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access log in the service's own database. Every hot path is an {@code _id} lookup, because the
 * embedded server indexes nothing else: an entry's id is its school and zero-padded sequence, and a
 * head document per school ({@code _id} = school) remembers the last sequence and hash.
 * <p>
 * Appending inserts entry {@code n+1} first and moves the head after it. The insert is the only
 * decision: a second instance that took the same sequence makes the insert fail on the duplicate
 * {@code _id}, and the writer then reads that entry and chains after it. A crash between the two
 * writes leaves the head one behind, which the next append (and every walk) steps over the same way.
 */
public class MongoAccessLog implements AccessLog {

    static final String ENTRIES = "access_log";
    static final String HEADS = "access_log_heads";

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> heads;
    private final int batchSize;
    // One writer per school inside this instance; the _id race above settles it between instances.
    private final Map<String, Object> schoolLocks = new ConcurrentHashMap<>();

    public MongoAccessLog(MongoDatabase database, int batchSize) {
        this.entries = database.getCollection(ENTRIES);
        this.heads = database.getCollection(HEADS);
        this.batchSize = batchSize;
    }

    static String id(String schoolId, long sequence) {
        return schoolId + "/" + String.format("%012d", sequence);
    }

    @Override
    public AccessLogEntry append(AccessRecord record) {
        synchronized (schoolLocks.computeIfAbsent(record.schoolId(), s -> new Object())) {
            Document head = heads.find(Filters.eq("_id", record.schoolId())).first();
            long sequence = head == null ? 0 : head.getLong("sequence");
            String previous = head == null ? AccessLogChain.GENESIS : head.getString("hash");
            while (true) {
                long next = sequence + 1;
                String hash = AccessLogChain.hash(next, record, previous);
                try {
                    entries.insertOne(document(next, record, previous, hash));
                    moveHead(record.schoolId(), next, hash);
                    return new AccessLogEntry(next, record, previous, hash);
                } catch (MongoWriteException e) {
                    if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    Document taken = entries.find(Filters.eq("_id", id(record.schoolId(), next))).first();
                    if (taken == null) {
                        throw e;
                    }
                    sequence = next;
                    previous = taken.getString("hash");
                }
            }
        }
    }

    /** Only forwards: another instance may already have moved the head further. */
    private void moveHead(String schoolId, long sequence, String hash) {
        try {
            heads.updateOne(Filters.and(Filters.eq("_id", schoolId), Filters.lt("sequence", sequence)),
                    Updates.combine(Updates.set("sequence", sequence), Updates.set("hash", hash)),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The head is already past this entry (the upsert collided with it): nothing to move.
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * Walks the school's chain from the newest entry down to the first, in batches of {@code _id $in}
     * lookups, checking every entry's hash and link, and collects the requested page on the way.
     */
    @Override
    public Listing list(String schoolId, Filter filter, int page, int size) {
        Document head = heads.find(Filters.eq("_id", schoolId)).first();
        long top = head == null ? 0 : head.getLong("sequence");
        while (entries.find(Filters.eq("_id", id(schoolId, top + 1))).first() != null) {
            top++;
        }
        long broken = Long.MAX_VALUE;
        String headHash = AccessLogChain.GENESIS;
        String claimedByHigher = null;
        long matched = 0;
        long skip = (long) page * size;
        List<AccessLogEntry> selected = new ArrayList<>();
        for (long high = top; high >= 1; high -= batchSize) {
            long low = Math.max(1, high - batchSize + 1);
            Map<Long, Document> batch = fetch(schoolId, low, high);
            for (long sequence = high; sequence >= low; sequence--) {
                Document doc = batch.get(sequence);
                if (doc == null) {
                    broken = sequence;
                    claimedByHigher = null;
                    continue;
                }
                AccessLogEntry entry;
                try {
                    entry = entry(doc);
                } catch (RuntimeException unreadable) {
                    // A field altered into something that is not even its type (e.g. a time that does not parse).
                    broken = sequence;
                    claimedByHigher = null;
                    continue;
                }
                if (sequence == top) {
                    headHash = entry.hash();
                }
                if (entry.sequence() != sequence || !schoolId.equals(entry.record().schoolId())
                        || !AccessLogChain.hash(sequence, entry.record(), entry.previousHash()).equals(entry.hash())
                        || (sequence == 1 && !AccessLogChain.GENESIS.equals(entry.previousHash()))) {
                    broken = sequence;
                }
                if (claimedByHigher != null && !claimedByHigher.equals(entry.hash())) {
                    broken = Math.min(broken, sequence + 1);
                }
                claimedByHigher = entry.previousHash();
                if (filter.matches(entry.record())) {
                    if (matched >= skip && selected.size() < size) {
                        selected.add(entry);
                    }
                    matched++;
                }
            }
        }
        if (head != null) {
            Document atHead = entries.find(Filters.eq("_id", id(schoolId, head.getLong("sequence")))).first();
            if (atHead == null || !head.getString("hash").equals(atHead.getString("hash"))) {
                broken = Math.min(broken, head.getLong("sequence"));
            }
        }
        boolean intact = broken == Long.MAX_VALUE;
        return new Listing(new ChainCheck(intact, top, intact ? null : broken, headHash), matched, selected);
    }

    /** The head document, stepped forward over an entry a crashed writer stored without moving it (as the walk does). */
    @Override
    public Head head(String schoolId) {
        Document head = heads.find(Filters.eq("_id", schoolId)).first();
        long top = head == null ? 0 : head.getLong("sequence");
        String hash = head == null ? AccessLogChain.GENESIS : head.getString("hash");
        Document next;
        while ((next = entries.find(Filters.eq("_id", id(schoolId, top + 1))).first()) != null) {
            top++;
            hash = next.getString("hash");
        }
        return new Head(top, hash);
    }

    /** One document per school: a scan of the heads, once per scheduled digest run. */
    @Override
    public List<String> schools() {
        List<String> schools = new ArrayList<>();
        for (Document head : heads.find()) {
            schools.add(head.getString("_id"));
        }
        return schools;
    }

    @Override
    public Optional<String> hashAt(String schoolId, long sequence) {
        return Optional.ofNullable(entries.find(Filters.eq("_id", id(schoolId, sequence))).first())
                .map(doc -> doc.getString("hash"));
    }

    private Map<Long, Document> fetch(String schoolId, long low, long high) {
        List<String> ids = new ArrayList<>();
        for (long sequence = low; sequence <= high; sequence++) {
            ids.add(id(schoolId, sequence));
        }
        Map<Long, Document> byId = new HashMap<>();
        for (Document doc : entries.find(Filters.in("_id", ids))) {
            String id = doc.getString("_id");
            byId.put(Long.parseLong(id.substring(id.lastIndexOf('/') + 1)), doc);
        }
        return byId;
    }

    private static Document document(long sequence, AccessRecord r, String previousHash, String hash) {
        return new Document("_id", id(r.schoolId(), sequence))
                .append("sequence", sequence)
                .append("schoolId", r.schoolId())
                .append("at", r.at().toString())
                .append("userId", r.userId())
                .append("role", r.role())
                .append("roles", r.roles())
                .append("objectType", r.objectType())
                .append("objectId", r.objectId())
                .append("view", r.view())
                .append("method", r.method())
                .append("path", r.path())
                .append("correlationId", r.correlationId())
                .append("requestId", r.requestId())
                .append("status", r.status())
                .append("previousHash", previousHash)
                .append("hash", hash);
    }

    private static AccessLogEntry entry(Document doc) {
        Number sequence = doc.get("sequence", Number.class);
        Number status = doc.get("status", Number.class);
        String at = doc.get("at") instanceof String text ? text : null;
        AccessRecord record = new AccessRecord(doc.getString("schoolId"), at == null ? Instant.EPOCH : Instant.parse(at),
                doc.getString("userId"), doc.getString("role"), doc.getList("roles", String.class),
                doc.getString("objectType"), doc.getString("objectId"), doc.getString("view"), doc.getString("method"),
                doc.getString("path"), doc.getString("correlationId"), doc.getString("requestId"),
                status == null ? 0 : status.intValue());
        return new AccessLogEntry(sequence == null ? -1 : sequence.longValue(), record, doc.getString("previousHash"),
                doc.getString("hash"));
    }
}

package org.casetrail.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * casetrail's Axon {@link org.axonframework.eventsourcing.eventstore.EventStorageEngine} on MongoDB
 * whose every hot path is a filter of exactly {@code {_id: x}}, an {@code _id $in} list or an
 * {@code _id}-unique insert: the only shapes the embedded MongoDB-wire server serves without scanning
 * (see docs/adr/0001-event-store-on-mongodb.md).
 *
 * <h2>Collections (prefix {@code ct_} by default)</h2>
 * <ul>
 *   <li>{@code <prefix>sequence}: one counter document {@code {_id: "events", v: <last allocated>}};
 *       a block of global sequences is allocated by compare-and-set on it.</li>
 *   <li>{@code <prefix>events}: one document per event, {@code _id} = its global sequence (dense,
 *       from 1), with the id of its commit ({@code c}) and its batch ({@code bf}, {@code bc}).</li>
 *   <li>{@code <prefix>commits}: one document per append to one aggregate, {@code _id} =
 *       {@code <aggregateId>@<sequence number before the batch>}, listing the batch's global
 *       sequences. Its unique {@code _id} is the optimistic lock and the commit point.</li>
 *   <li>{@code <prefix>streams}: one document per aggregate, {@code _id} = aggregate id: where its
 *       commits are ({@code b.<sequence before> = {f, g}}), so that loading is two {@code _id} reads.</li>
 *   <li>{@code <prefix>snapshots}: the newest snapshot per aggregate, {@code _id} = aggregate id.</li>
 * </ul>
 *
 * <h2>Append protocol (no multi-document transactions needed)</h2>
 * <ol>
 *   <li>allocate {@code n} global sequences;</li>
 *   <li>insert the event documents (one ordered {@code insertMany});</li>
 *   <li>per aggregate, insert the commit document. A duplicate key means another writer appended
 *       after the same sequence number: Axon's
 *       {@link org.axonframework.modelling.command.ConcurrencyException} through the
 *       {@link PersistenceExceptionResolver}; the loser's event documents stay behind, dead;</li>
 *   <li>record the commit in the stream document (idempotent, commutative; if a writer stops before
 *       it, the next load of the aggregate, or the next writer to hit the duplicate key, records it).</li>
 * </ol>
 *
 * <h2>Tracking</h2>
 * Tokens are Axon's {@link GapAwareTrackingToken} over the global sequence. A batch is fetched as
 * {@code _id $in (gaps ∪ [index+1, index+batchSize])}, then the commits of those events
 * ({@code _id $in}) decide what is committed. An id that is missing (allocated, not written yet) or
 * written but not yet committed stays a gap. Once it has been undecided for longer than the gap
 * timeout, the reader decides it: a missing id is claimed with a tombstone document (so a late
 * writer's insert fails and its command is refused, never half-stored); a written, complete but
 * uncommitted batch is committed on the writer's behalf (the same insert of the commit document);
 * an incomplete one is dead. So nothing committed is ever skipped, and per aggregate, events are
 * delivered in sequence order. A reader far behind reads instead in chunks of the next events by
 * {@code _id} order ({@code _id $gt}, sorted, limited), with the same checks
 * ({@link Builder#replayScanMinimum(long)}).
 *
 * <p>Limitations: a unit of work that appends to several aggregates is committed per aggregate (no
 * cross-aggregate atomicity without transactions); an aggregate's sequence numbers must be
 * contiguous (which Axon's event-sourcing repository guarantees).
 */
public class CasetrailMongoEventStorageEngine extends BatchingEventStorageEngine {

    static final String COUNTER_ID = "events";
    /** How far below the head {@link #createHeadToken()} looks for sequences still in flight. */
    private static final int HEAD_TOKEN_WINDOW = 1_000;
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> sequence;
    private final MongoCollection<Document> events;
    private final MongoCollection<Document> streams;
    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> snapshots;
    private final Duration gapTimeout;
    private final int maxGapOffset;
    private final Clock clock;
    private final long replayScanMinimum;
    /** When this JVM first saw each undecided global sequence (missing or uncommitted). */
    private final Map<Long, Long> undecidedSince = new ConcurrentHashMap<>();
    /** Written but uncommitted sequences whose batch can never complete (a reader claimed part of it). */
    private final Set<Long> knownDead = ConcurrentHashMap.newKeySet();
    /**
     * The last sequence and hash this instance saw committed per aggregate, so that the append that
     * follows a load needs no read for its previous hash. Bounded; a miss costs one {@code _id} read.
     */
    private final Map<String, Head> heads;
    /** The highest counter value this instance has seen: the first guess of the next allocation. */
    private final java.util.concurrent.atomic.AtomicLong lastSeenHead = new java.util.concurrent.atomic.AtomicLong();

    protected CasetrailMongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase db = builder.database;
        this.sequence = db.getCollection(builder.collectionPrefix + "sequence");
        this.events = db.getCollection(builder.collectionPrefix + "events");
        this.streams = db.getCollection(builder.collectionPrefix + "streams");
        this.commits = db.getCollection(builder.collectionPrefix + "commits");
        this.snapshots = db.getCollection(builder.collectionPrefix + "snapshots");
        this.gapTimeout = builder.gapTimeout;
        this.maxGapOffset = builder.maxGapOffset;
        this.clock = builder.clock;
        this.replayScanMinimum = builder.replayScanMinimum;
        int remembered = builder.rememberedHeads;
        this.heads = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
                return size() > remembered;
            }
        };
        createCollectionsAndCounter(db, builder.collectionPrefix);
    }

    /**
     * Creates the collections and the counter up front, single-threaded: the embedded server may
     * create a collection twice when two connections first write to it at the same moment.
     */
    private void createCollectionsAndCounter(MongoDatabase db, String prefix) {
        Set<String> existing = db.listCollectionNames().into(new HashSet<>());
        for (String name : List.of("sequence", "events", "commits", "streams", "snapshots")) {
            if (!existing.contains(prefix + name)) {
                try {
                    db.createCollection(prefix + name);
                } catch (com.mongodb.MongoCommandException e) {
                    // created meanwhile by another instance
                }
            }
        }
        sequence.updateOne(Filters.eq("_id", COUNTER_ID), Updates.setOnInsert("v", 0L),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * No secondary index is needed: every query is by {@code _id}. On a real MongoDB, the only
     * non-{@code _id} query is {@link #createTokenAt(Instant)}; this index serves it.
     */
    public void ensureIndexes() {
        events.createIndex(new Document("ts", 1));
    }

    // ------------------------------------------------------------------------------------- append

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> eventMessages, Serializer serializer) {
        if (eventMessages.isEmpty()) {
            return;
        }
        int n = eventMessages.size();
        // Each aggregate's previous hash before anything is allocated or written: an append that
        // cannot be chained is refused as a conflict and leaves no gap behind.
        Map<String, String> previousHashes = new HashMap<>();
        for (EventMessage<?> message : eventMessages) {
            if (message instanceof DomainEventMessage<?> dem && dem.getAggregateIdentifier() != null
                    && !previousHashes.containsKey(dem.getAggregateIdentifier())) {
                try {
                    previousHashes.put(dem.getAggregateIdentifier(),
                            previousHash(dem.getAggregateIdentifier(), dem.getSequenceNumber() - 1));
                } catch (StreamConflictException e) {
                    handlePersistenceException(e, dem);
                    return;
                }
            }
        }
        long last = allocate(n);
        long first = last - n + 1;

        // Group the domain events by aggregate, keeping their global order.
        Map<String, List<Integer>> byAggregate = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (eventMessages.get(i) instanceof DomainEventMessage<?> dem && dem.getAggregateIdentifier() != null) {
                byAggregate.computeIfAbsent(dem.getAggregateIdentifier(), k -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, long[]> batchOf = new HashMap<>();
        for (List<Integer> indexes : byAggregate.values()) {
            long[] bfBc = {first + indexes.get(0), indexes.size()};
            DomainEventMessage<?> previous = null;
            for (Integer i : indexes) {
                DomainEventMessage<?> current = (DomainEventMessage<?>) eventMessages.get(i);
                if (previous != null && current.getSequenceNumber() != previous.getSequenceNumber() + 1) {
                    throw new IllegalArgumentException("sequence numbers of aggregate " + current.getAggregateIdentifier()
                            + " are not contiguous in one append: " + previous.getSequenceNumber() + " then "
                            + current.getSequenceNumber());
                }
                previous = current;
                batchOf.put(i, bfBc);
            }
        }

        List<Document> docs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Document doc = toDocument(eventMessages.get(i), serializer, first + i);
            long[] bfBc = batchOf.get(i);
            if (bfBc != null) {
                DomainEventMessage<?> head = (DomainEventMessage<?>) eventMessages.get((int) (bfBc[0] - first));
                doc.append("c", commitId(head.getAggregateIdentifier(), head.getSequenceNumber()))
                        .append("bf", bfBc[0]).append("bc", (int) bfBc[1]);
            }
            docs.add(doc);
        }
        // The hash chain (docs/audit.md): each event's hash covers the previous one's, which for the
        // first of this append is the head hash its stream document recorded (no extra read after a load).
        Map<String, String> headHashes = new HashMap<>();
        for (Map.Entry<String, List<Integer>> entry : byAggregate.entrySet()) {
            String previous = previousHashes.get(entry.getKey());
            for (Integer i : entry.getValue()) {
                Document doc = docs.get(i);
                String hash = EventChain.hash(previous, stored(doc));
                doc.append("ph", previous).append("h", hash);
                previous = hash;
            }
            headHashes.put(entry.getKey(), previous);
        }
        try {
            events.insertMany(docs, new InsertManyOptions().ordered(true));
        } catch (RuntimeException e) {
            // A reader declared one of our sequences dead after the gap timeout (a tombstone holds
            // its _id): nothing of this batch is committed, and nothing ever will be.
            handlePersistenceException(new IllegalStateException(
                    "event documents could not be written; nothing was committed", e), eventMessages.get(0));
            return;
        }

        List<Document> pendingCommits = new ArrayList<>(byAggregate.size());
        List<DomainEventMessage<?>> heads = new ArrayList<>(byAggregate.size());
        for (Map.Entry<String, List<Integer>> entry : byAggregate.entrySet()) {
            List<Integer> indexes = entry.getValue();
            DomainEventMessage<?> head = (DomainEventMessage<?>) eventMessages.get(indexes.get(0));
            DomainEventMessage<?> tail = (DomainEventMessage<?>) eventMessages.get(indexes.get(indexes.size() - 1));
            List<Long> globals = new ArrayList<>(indexes.size());
            for (Integer i : indexes) {
                globals.add(first + i);
            }
            pendingCommits.add(commitDocument(entry.getKey(), head.getType(), head.getSequenceNumber(),
                    tail.getSequenceNumber(), globals, headHashes.get(entry.getKey()), schoolOf(docs.get(indexes.get(0)))));
            heads.add(head);
        }
        int conflict = commitAll(pendingCommits);
        if (conflict >= 0) {
            DomainEventMessage<?> head = heads.get(conflict);
            handlePersistenceException(new StreamConflictException(head.getAggregateIdentifier(), head.getSequenceNumber()),
                    head);
        }
    }

    /**
     * Bulk import of complete histories of aggregates that do not exist yet (a migration from
     * another event store, or a benchmark's pre-fill): one block allocation, one {@code insertMany}
     * of events and one of stream documents, instead of one commit per aggregate. Each aggregate's
     * events must be contiguous from sequence 0 and in order. Not for concurrent use with writers of
     * the same aggregates: an aggregate that exists already fails the import with a duplicate key.
     */
    public void importHistory(List<? extends DomainEventMessage<?>> history) {
        if (history.isEmpty()) {
            return;
        }
        Serializer serializer = getEventSerializer();
        long last = allocate(history.size());
        long first = last - history.size() + 1;
        Map<String, Document> newCommits = new LinkedHashMap<>();
        List<Document> docs = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            DomainEventMessage<?> event = history.get(i);
            long global = first + i;
            Document stream = newCommits.get(event.getAggregateIdentifier());
            if (stream == null) {
                if (event.getSequenceNumber() != 0) {
                    throw new IllegalArgumentException("history of " + event.getAggregateIdentifier() + " must start at 0");
                }
                stream = new Document("_id", commitId(event.getAggregateIdentifier(), 0))
                        .append("a", event.getAggregateIdentifier()).append("t", event.getType())
                        .append("first", 0L).append("last", -1L).append("g", new ArrayList<Long>());
                newCommits.put(event.getAggregateIdentifier(), stream);
            }
            long expected = stream.getLong("last") + 1;
            if (event.getSequenceNumber() != expected) {
                throw new IllegalArgumentException("history of " + event.getAggregateIdentifier() + " not contiguous at "
                        + event.getSequenceNumber());
            }
            stream.put("last", expected);
            stream.getList("g", Long.class).add(global);
            // Until the commit documents below exist, trackers see these events as "not committed yet".
            Document doc = toDocument(event, serializer, global).append("c", stream.getString("_id"));
            String previous = stream.getString("h") == null ? EventChain.GENESIS : stream.getString("h");
            String hash = EventChain.hash(previous, stored(doc));
            doc.append("ph", previous).append("h", hash);
            stream.put("h", hash);
            if (stream.get("school") == null && schoolOf(doc) != null) {
                stream.put("school", schoolOf(doc));
            }
            docs.add(doc);
        }
        events.insertMany(docs, new InsertManyOptions().ordered(true));
        commits.insertMany(new ArrayList<>(newCommits.values()), new InsertManyOptions().ordered(true));
        List<Document> newStreams = new ArrayList<>();
        for (Document commit : newCommits.values()) {
            Document stream = new Document("_id", commit.getString("a")).append("type", commit.get("t"))
                    .append("last", commit.get("last"))
                    .append("b", new Document("-1", new Document("f", 0L).append("g", commit.get("g"))
                            .append("h", commit.get("h"))));
            if (commit.get("school") != null) {
                stream.append("school", commit.get("school"));
            }
            newStreams.add(stream);
        }
        streams.insertMany(newStreams, new InsertManyOptions().ordered(true));
    }

    /**
     * The last allocated global sequence: one {@code _id} read, unlike {@link #createHeadToken()}, for
     * callers that ask often (read-your-writes waits, platform.axon.ReadModelCatchUp).
     */
    public long headSequence() {
        return head();
    }

    /** The last allocated global sequence. */
    long head() {
        Document counter = sequence.find(Filters.eq("_id", COUNTER_ID)).first();
        long head = counter == null ? 0 : ((Number) counter.get("v")).longValue();
        lastSeenHead.accumulateAndGet(head, Math::max);
        return head;
    }

    /**
     * Allocates {@code n} global sequences; returns the last of them. A compare-and-set on the
     * counter document rather than {@code findOneAndUpdate $inc}: on mongo-java-server's memory
     * backend, concurrent {@code findAndModify} calls were measured to return the same value (the
     * reply is built from a document another command may already have changed), whereas the
     * matched count of a conditional update is decided under the collection's lock.
     */
    long allocate(int n) {
        // Start from the last head this instance saw: with one writing instance the compare-and-set
        // then succeeds without reading the counter first.
        long current = lastSeenHead.get();
        while (true) {
            UpdateResult result = sequence.updateOne(
                    Filters.and(Filters.eq("_id", COUNTER_ID), Filters.eq("v", current)),
                    Updates.set("v", current + n));
            if (result.getModifiedCount() == 1) {
                lastSeenHead.accumulateAndGet(current + n, Math::max);
                return current + n;
            }
            current = head();
        }
    }

    /**
     * Commits an aggregate's events: inserts the commit document {@code _id = aggregateId@<sequence
     * before the batch>}. Its unique {@code _id} is the optimistic lock (only one batch can follow a
     * given sequence number) and the commit point; a pure {@code _id} insert is the one conditional
     * write the embedded server checks without scanning. Then the stream document is told (an
     * idempotent, commutative update by {@code _id}). True if these global sequences are committed
     * (by us, or by a reader rolling our write forward), false if another writer owns the position.
     */
    private boolean commit(String aggregateId, String type, long firstSeq, long lastSeq, List<Long> globals,
                           String headHash, String school) {
        return commitAll(List.of(commitDocument(aggregateId, type, firstSeq, lastSeq, globals, headHash, school))) < 0;
    }

    private static Document commitDocument(String aggregateId, String type, long firstSeq, long lastSeq,
                                           List<Long> globals, String headHash, String school) {
        Document commit = new Document("_id", commitId(aggregateId, firstSeq)).append("a", aggregateId).append("t", type)
                .append("first", firstSeq).append("last", lastSeq).append("g", globals).append("h", headHash);
        if (school != null) {
            commit.append("school", school);
        }
        return commit;
    }

    /**
     * Commits the batches of several aggregates appended in one unit of work, as {@link #commit} does
     * one, in one ordered insert of their commit documents and one bulk update of their stream
     * documents instead of two writes per aggregate (each write is a store commit on the embedded
     * server). An ordered insert stops at the first failure, exactly like inserting them one after
     * another: what precedes it is committed, nothing after it is tried. A duplicate key that turns
     * out to be our own batch (a reader rolled it forward) counts as committed and the rest is
     * inserted; anything else is a conflict. Every commit seen, ours or the winner's, is recorded in
     * its stream document before this returns.
     *
     * @return the index of the first commit that lost to another writer, or -1 if all are committed
     */
    private int commitAll(List<Document> pending) {
        List<Document> toPublish = new ArrayList<>(pending.size());
        List<Document> ours = new ArrayList<>(pending.size());
        int conflict = -1;
        int from = 0;
        while (from < pending.size()) {
            List<Document> rest = pending.subList(from, pending.size());
            int failedAt;
            try {
                if (rest.size() == 1) {
                    commits.insertOne(rest.get(0));
                } else {
                    commits.insertMany(rest, new InsertManyOptions().ordered(true));
                }
                toPublish.addAll(rest);
                ours.addAll(rest);
                break;
            } catch (MongoWriteException e) {
                if (!isDuplicateKey(e)) {
                    throw e;
                }
                failedAt = from;
            } catch (MongoBulkWriteException e) {
                if (!isDuplicateKey(e) || e.getWriteErrors().size() != 1) {
                    if (e.getWriteErrors().size() == 1) {
                        // What precedes the failed insert is committed: tell the streams before failing.
                        publishAll(pending.subList(from, from + e.getWriteErrors().get(0).getIndex()));
                    }
                    throw e;
                }
                failedAt = from + e.getWriteErrors().get(0).getIndex();
            }
            toPublish.addAll(pending.subList(from, failedAt));
            ours.addAll(pending.subList(from, failedAt));
            Document mine = pending.get(failedAt);
            Document existing = commits.find(Filters.eq("_id", mine.getString("_id"))).first();
            if (existing != null) {
                // Whoever committed it may have stopped before telling the stream: repair that too, so
                // that the next load sees the winner's events.
                toPublish.add(existing);
            }
            if (existing == null || !globals(existing).equals(globals(mine))) {
                conflict = failedAt;
                break;
            }
            from = failedAt + 1;
        }
        publishAll(toPublish);
        for (Document commit : ours) {
            rememberHead(commit.getString("a"), ((Number) commit.get("last")).longValue(), commit.getString("h"));
        }
        return conflict;
    }

    /**
     * The hash of an aggregate's event at {@code sequence} (the previous hash of what is appended
     * after it): the genesis value before the first event, else what this instance remembers from
     * loading or committing the aggregate (a committed event's hash never changes), else the head
     * recorded in the stream document (one {@code _id} read). A stream document that does not reach
     * {@code sequence} yet is repaired from the commit that follows it, as a conflicting writer does;
     * if none exists the append cannot be chained and is refused as a conflict.
     */
    private String previousHash(String aggregateId, long sequence) {
        if (sequence < 0) {
            return EventChain.GENESIS;
        }
        String remembered = rememberedHead(aggregateId, sequence);
        if (remembered != null) {
            return remembered;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            Document stream = streams.find(Filters.eq("_id", aggregateId)).first();
            String recorded = hashAt(stream, sequence);
            if (recorded != null) {
                return recorded;
            }
            Chain chain = chain(stream);
            if (chain.last() >= sequence) {
                // Written before the chain existed: computed from the stored events once.
                return recomputeHashAt(aggregateId, sequence);
            }
            Document next = commits.find(Filters.eq("_id", commitId(aggregateId, chain.last() + 1))).first();
            if (next == null) {
                break;
            }
            publish(next);
        }
        throw new StreamConflictException(aggregateId, sequence + 1);
    }

    /** The hash the stream document recorded for the batch that ends at {@code sequence}, if any. */
    private static String hashAt(Document stream, long sequence) {
        Document batches = stream == null ? null : stream.get("b", Document.class);
        if (batches == null) {
            return null;
        }
        for (Object value : batches.values()) {
            Document batch = (Document) value;
            long f = ((Number) batch.get("f")).longValue();
            if (f + longs(batch.get("g")).size() - 1 == sequence) {
                return batch.getString("h");
            }
        }
        return null;
    }

    private String recomputeHashAt(String aggregateId, long sequence) {
        String previous = EventChain.GENESIS;
        for (ChainedEvent event : chainedEvents(aggregateId)) {
            if (event.document() == null) {
                throw new IllegalStateException("committed event " + event.globalSequence() + " of " + aggregateId + " is missing");
            }
            previous = EventChain.hash(previous, stored(event.document()));
            if (event.position() == sequence) {
                return previous;
            }
        }
        throw new StreamConflictException(aggregateId, sequence + 1);
    }

    private void rememberHead(String aggregateId, long sequence, String hash) {
        if (hash != null) {
            synchronized (heads) {
                heads.put(aggregateId, new Head(sequence, hash));
            }
        }
    }

    private String rememberedHead(String aggregateId, long sequence) {
        Head head;
        synchronized (heads) {
            head = heads.get(aggregateId);
        }
        return head != null && head.sequence() == sequence ? head.hash() : null;
    }

    private record Head(long sequence, String hash) {
    }

    /** The fields of a stored event document that the chain covers. */
    static EventChain.Stored stored(Document doc) {
        return new EventChain.Stored(doc.getString("e"), doc.getString("t"), doc.getString("a"),
                doc.get("s") == null ? -1 : ((Number) doc.get("s")).longValue(), doc.getString("ts"),
                doc.getString("pt"), doc.getString("pr"), doc.getString("p"), doc.getString("m"));
    }

    private static String schoolOf(Document doc) {
        return doc.getString("m") == null ? null : EventChain.metadataValue(doc.getString("m"), "schoolId");
    }

    static String commitId(String aggregateId, long firstSeq) {
        return aggregateId + "@" + (firstSeq - 1);
    }

    /** {@link #publish} for several commits, in one ordered bulk write. */
    private void publishAll(List<Document> commitDocs) {
        if (commitDocs.size() == 1) {
            publish(commitDocs.get(0));
        } else if (!commitDocs.isEmpty()) {
            List<com.mongodb.client.model.WriteModel<Document>> updates = new ArrayList<>(commitDocs.size());
            for (Document commit : commitDocs) {
                updates.add(new com.mongodb.client.model.UpdateOneModel<>(Filters.eq("_id", commit.getString("a")),
                        streamUpdate(commit), new com.mongodb.client.model.UpdateOptions().upsert(true)));
            }
            streams.bulkWrite(updates, new com.mongodb.client.model.BulkWriteOptions().ordered(true));
        }
    }

    /** Records a commit in its aggregate's stream document: {@code b.<sequence before> = {f, g}}. */
    private void publish(Document commit) {
        streams.updateOne(Filters.eq("_id", commit.getString("a")), streamUpdate(commit),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    private static Bson streamUpdate(Document commit) {
        long first = ((Number) commit.get("first")).longValue();
        Document batch = new Document("f", first).append("g", commit.get("g"));
        if (commit.getString("h") != null) {
            batch.append("h", commit.getString("h")); // the hash of the batch's last event
        }
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("type", commit.get("t")),
                Updates.set("b." + (first - 1), batch),
                Updates.max("last", ((Number) commit.get("last")).longValue())));
        if (commit.getString("school") != null) {
            // Which school's digest the chain belongs to (docs/audit.md, "Digests"): every event of an
            // aggregate carries the same school, so this set is idempotent and commutative too.
            updates.add(Updates.set("school", commit.getString("school")));
        }
        return Updates.combine(updates);
    }

    /**
     * An aggregate's stream document, brought up to its last commit. The commit document is the
     * commit point and trackers deliver from it, so a writer that stopped between inserting its
     * commit and telling the stream must not leave the batch visible to trackers and invisible to
     * loads: one more {@code _id} read looks for the commit that follows the stream's last batch and,
     * if a writer left one behind, records it, as a conflicting writer would.
     */
    private Document committedStream(String aggregateId) {
        Document stream = streams.find(Filters.eq("_id", aggregateId)).first();
        while (true) {
            Document next = commits.find(Filters.eq("_id", commitId(aggregateId, chain(stream).last() + 1))).first();
            if (next == null) {
                return stream;
            }
            publish(next);
            stream = streams.find(Filters.eq("_id", aggregateId)).first();
        }
    }

    /** An aggregate's committed history as its stream document knows it. */
    record Chain(long first, List<Long> globals, String headHash) {
        long last() {
            return first + globals.size() - 1;
        }
    }

    static Chain chain(Document stream) {
        Document batches = stream == null ? null : stream.get("b", Document.class);
        if (batches == null || batches.isEmpty()) {
            return new Chain(0, List.of(), null);
        }
        long start = batches.containsKey("-1") ? -1
                : batches.keySet().stream().mapToLong(Long::parseLong).min().orElse(-1);
        List<Long> result = new ArrayList<>();
        long before = start;
        String headHash = null;
        while (true) {
            Document batch = batches.get(String.valueOf(before), Document.class);
            if (batch == null) {
                break;
            }
            List<Long> g = longs(batch.get("g"));
            result.addAll(g);
            before += g.size();
            headHash = batch.getString("h");
        }
        return new Chain(start + 1, result, headHash);
    }

    private Document toDocument(EventMessage<?> event, Serializer serializer, long global) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        Document doc = new Document("_id", global);
        if (event instanceof DomainEventMessage<?> dem && dem.getAggregateIdentifier() != null) {
            doc.append("a", dem.getAggregateIdentifier()).append("t", dem.getType()).append("s", dem.getSequenceNumber());
        }
        return doc.append("e", event.getIdentifier())
                .append("ts", event.getTimestamp().toString())
                .append("pt", payload.getType().getName())
                .append("pr", payload.getType().getRevision())
                .append("p", payload.getData())
                .append("m", metaData.getData());
    }

    // ------------------------------------------------------------------------------------- audit

    /**
     * One position of an aggregate's committed chain as stored: the global sequence its stream
     * document lists at that position and the event document found there ({@code null} if it was
     * deleted). Read as stored, without trusting it: the verifier decides.
     */
    public record ChainedEvent(long position, long globalSequence, Document document) {

        public EventChain.Stored stored() {
            return document == null ? null : CasetrailMongoEventStorageEngine.stored(document);
        }

        public String hash() {
            return document == null ? null : document.getString("h");
        }

        public String previousHash() {
            return document == null ? null : document.getString("ph");
        }
    }

    /** What the stream document of an aggregate says about its chain. */
    public record StreamHead(String aggregateId, String aggregateType, String school, long lastSequence,
                             String headHash, int events) {
    }

    /** The head of one aggregate's chain, by {@code _id}; empty if it has no events. */
    public Optional<StreamHead> streamHead(String aggregateId) {
        return Optional.ofNullable(committedStream(aggregateId)).map(this::head)
                .filter(h -> h.events() > 0);
    }

    /**
     * The heads of every chain of a school, sorted by aggregate id. A filter on {@code school}: a scan
     * of the stream documents (one per aggregate, not per event) on the embedded server; it serves
     * the hourly digest, not a request path.
     */
    public List<StreamHead> streamHeads(String school) {
        List<StreamHead> result = new ArrayList<>();
        for (Document stream : streams.find(Filters.eq("school", school))) {
            StreamHead head = head(stream);
            if (head.events() > 0) {
                result.add(head);
            }
        }
        result.sort(java.util.Comparator.comparing(StreamHead::aggregateId));
        return result;
    }

    /** Every school that has at least one chain (one scan of the stream documents). */
    public Set<String> schools() {
        Set<String> schools = new TreeSet<>();
        for (Object school : streams.distinct("school", String.class)) {
            if (school != null) {
                schools.add(school.toString());
            }
        }
        return schools;
    }

    private StreamHead head(Document stream) {
        Chain chain = chain(stream);
        return new StreamHead(stream.getString("_id"), stream.getString("type"), stream.getString("school"),
                chain.last(), chain.headHash(), chain.globals().size());
    }

    /**
     * The aggregate's committed events in chain order, as stored: the stream document by {@code _id},
     * then the events by {@code _id $in}. Snapshots are not part of the chain.
     */
    public List<ChainedEvent> chainedEvents(String aggregateId) {
        Chain chain = chain(committedStream(aggregateId));
        List<ChainedEvent> result = new ArrayList<>(chain.globals().size());
        List<Long> globals = chain.globals();
        for (int from = 0; from < globals.size(); from += batchSize()) {
            List<Long> ids = globals.subList(from, Math.min(globals.size(), from + batchSize()));
            Map<Long, Document> found = byId(ids);
            for (int i = 0; i < ids.size(); i++) {
                result.add(new ChainedEvent(chain.first() + from + i, ids.get(i), found.get(ids.get(i))));
            }
        }
        return result;
    }

    // --------------------------------------------------------------------------------- snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document doc = toDocument(snapshot, serializer, 0L);
        doc.put("_id", snapshot.getAggregateIdentifier());
        // Keep the newest: a late, older snapshot does not replace a newer one. (Filters are by _id
        // only: anything else makes the embedded server scan the collection.)
        Document existing = snapshots.find(Filters.eq("_id", snapshot.getAggregateIdentifier())).first();
        if (existing != null && ((Number) existing.get("s")).longValue() >= snapshot.getSequenceNumber()) {
            return;
        }
        snapshots.replaceOne(Filters.eq("_id", snapshot.getAggregateIdentifier()), doc,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document doc = snapshots.find(Filters.eq("_id", aggregateIdentifier)).first();
        return doc == null ? Stream.empty() : Stream.of(toEntry(doc, aggregateIdentifier));
    }

    // ---------------------------------------------------------------------------------- aggregates

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        Document stream = committedStream(aggregateIdentifier);
        if (stream == null) {
            return Collections.emptyList();
        }
        Chain chain = chain(stream);
        if (chain.headHash() != null) {
            rememberHead(aggregateIdentifier, chain.last(), chain.headHash());
        }
        long base = chain.first();
        List<Long> all = chain.globals();
        long lastSeq = chain.last();
        long from = Math.max(firstSequenceNumber, base);
        long to = Math.min(lastSeq, from + batchSize - 1);
        if (from > to) {
            return Collections.emptyList();
        }
        List<Long> ids = all.subList((int) (from - base), (int) (to - base + 1));
        Map<Long, Document> found = byId(ids);
        List<DomainEventData<?>> result = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Document doc = found.get(id);
            if (doc == null) {
                throw new IllegalStateException("committed event " + id + " of " + aggregateIdentifier + " is missing");
            }
            result.add(toEntry(doc, null));
        }
        return result;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Chain chain = chain(committedStream(aggregateIdentifier));
        return chain.globals().isEmpty() ? Optional.empty() : Optional.of(chain.last());
    }

    // ----------------------------------------------------------------------------------- tracking

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        long head = head();
        // Everything at or below head that is not yet decided stays a gap, so nothing is skipped.
        Set<Long> gaps = new TreeSet<>();
        if (head > 0) {
            long from = Math.max(1, head - HEAD_TOKEN_WINDOW);
            List<Long> window = new ArrayList<>();
            for (long id = from; id <= head; id++) {
                window.add(id);
            }
            // Only ids written but not committed, or not written, within the last gap timeout matter;
            // the conservative choice is to keep all undecided ones from the recent window.
            TrackingView view = view(window, null);
            for (Long id : window) {
                if (view.state(id) == State.UNDECIDED) {
                    gaps.add(id);
                }
            }
        }
        return GapAwareTrackingToken.newInstance(head, gaps);
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        // Not a hot path: a filtered scan on the embedded server, an index (ensureIndexes) on MongoDB.
        Document firstAtOrAfter = events.find(Filters.gte("ts", dateTime.toString()))
                .sort(new Document("_id", 1)).limit(1).first();
        if (firstAtOrAfter == null) {
            return createHeadToken();
        }
        long index = ((Number) firstAtOrAfter.get("_id")).longValue() - 1;
        return index <= 0 ? null : GapAwareTrackingToken.newInstance(index, Collections.emptySet());
    }

    /**
     * A processor far behind the head (a replay, a new read model, a service that was down) reads in
     * chunks of the next {@code batchSize} events by {@code _id} order instead of {@code _id $in}
     * windows, which mostly ask for ids one at a time. Each chunk is its own bounded query, an indexed
     * range on MongoDB and a walk of the {@code _id}-ordered data on the devstack's server: one
     * long-lived sorted cursor made that server sort and hold the whole collection per reader (ADR
     * 0001). The same commit checks and gap rules apply per chunk; once a chunk comes back empty the
     * reader is at the head and goes on in the usual windows.
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        long index = trackingToken == null ? 0 : ((GapAwareTrackingToken) trackingToken).getIndex();
        long head = head();
        long behind = head - index;
        if (replayScanMinimum <= 0 || behind < replayScanMinimum) {
            return super.readEventData(trackingToken, mayBlock);
        }
        return java.util.stream.StreamSupport.stream(new ReplaySpliterator(trackingToken, index), false);
    }

    private final class ReplaySpliterator extends java.util.Spliterators.AbstractSpliterator<TrackedEventData<?>> {
        private final java.util.ArrayDeque<TrackedEventData<?>> buffer = new java.util.ArrayDeque<>();
        private TrackingToken lastToken;
        /** The highest id any chunk has returned: the next chunk starts after it. */
        private long lastRead;
        private boolean scanned;

        ReplaySpliterator(TrackingToken start, long index) {
            super(Long.MAX_VALUE, ORDERED | NONNULL);
            this.lastToken = start;
            this.lastRead = index;
        }

        @Override
        public boolean tryAdvance(java.util.function.Consumer<? super TrackedEventData<?>> action) {
            while (buffer.isEmpty()) {
                if (!scanned) {
                    Map<Long, Document> chunk = new TreeMap<>();
                    for (Document doc : events.find(Filters.gt("_id", lastRead)).sort(new Document("_id", 1))
                            .limit(batchSize())) {
                        chunk.put(((Number) doc.get("_id")).longValue(), doc);
                    }
                    if (chunk.isEmpty()) {
                        scanned = true;
                        continue;
                    }
                    lastRead = ((TreeMap<Long, Document>) chunk).lastKey();
                    buffer.addAll(evaluateChunk(chunk));
                } else {
                    List<? extends TrackedEventData<?>> batch = fetchTrackedEvents(lastToken, batchSize());
                    if (batch.isEmpty()) {
                        return false;
                    }
                    buffer.addAll(batch);
                }
            }
            TrackedEventData<?> next = buffer.poll();
            lastToken = next.trackingToken();
            action.accept(next);
            return true;
        }

        private List<TrackedEventData<?>> evaluateChunk(Map<Long, Document> chunk) {
            GapAwareTrackingToken token = lastToken == null
                    ? GapAwareTrackingToken.newInstance(0, Collections.emptySet())
                    : (GapAwareTrackingToken) lastToken;
            long highest = ((TreeMap<Long, Document>) chunk).lastKey();
            Set<Long> candidates = new TreeSet<>(token.getGaps());
            for (long id = token.getIndex() + 1; id <= highest; id++) {
                candidates.add(id);
            }
            Map<Long, Document> window = new TreeMap<>();
            chunk.forEach((id, doc) -> {
                if (id > token.getIndex()) {
                    window.put(id, doc);
                }
            });
            return deliverable(token, candidates, view(candidates, window), new HashSet<>());
        }
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = lastToken == null
                ? GapAwareTrackingToken.newInstance(0, Collections.emptySet())
                : (GapAwareTrackingToken) lastToken;
        long head = -1;
        long windowStart = token.getIndex() + 1;
        Set<Long> decidedDead = new HashSet<>();
        // Undecided ids of windows already looked past: still candidates, but not gaps of the token,
        // because a token's gaps must lie below its index (Axon refuses anything else).
        Set<Long> carried = new TreeSet<>();
        while (true) {
            List<Long> candidates = new ArrayList<>(token.getGaps());
            candidates.addAll(carried);
            for (long id = windowStart; id < windowStart + batchSize; id++) {
                candidates.add(id);
            }
            TrackingView view = view(candidates, null);
            List<TrackedEventData<?>> delivered = deliverable(token, candidates, view, decidedDead);
            if (!delivered.isEmpty()) {
                return delivered;
            }
            // Nothing deliverable in this window. If later sequences were allocated and everything in
            // this window is decided dead, look further (otherwise a crashed writer's block would
            // stall every processor); undecided ids stay gaps once a later event is delivered.
            if (head < 0) {
                head = head();
            }
            long windowEnd = windowStart + batchSize - 1;
            if (windowEnd >= head) {
                return Collections.emptyList();
            }
            for (long id = windowStart; id <= windowEnd; id++) {
                if (!decidedDead.contains(id)) {
                    carried.add(id);
                }
            }
            carried.removeAll(decidedDead);
            windowStart = windowEnd + 1;
        }
    }

    /** The committed events among the candidates, in global order, each with its token. */
    private List<TrackedEventData<?>> deliverable(GapAwareTrackingToken token, Collection<Long> candidates,
                                                  TrackingView view, Set<Long> decidedDead) {
        List<TrackedEventData<?>> delivered = new ArrayList<>();
        Set<Long> deliveredIds = new HashSet<>();
        GapAwareTrackingToken current = token;
        for (Long id : new TreeSet<>(candidates)) {
            State state = view.state(id);
            if (state == State.DEAD) {
                decidedDead.add(id);
                undecidedSince.remove(id);
                continue;
            }
            if (state != State.COMMITTED || !view.predecessorDelivered(id, token, deliveredIds)) {
                continue; // undecided: stays a gap
            }
            undecidedSince.remove(id);
            current = current.advanceTo(id, maxGapOffset);
            current = withoutGaps(current, decidedDead);
            deliveredIds.add(id);
            delivered.add(new TrackedDomainEventData<>(current, toEntry(view.event(id), null)));
        }
        return delivered;
    }

    private static GapAwareTrackingToken withoutGaps(GapAwareTrackingToken token, Set<Long> dead) {
        if (dead.isEmpty() || Collections.disjoint(token.getGaps(), dead)) {
            return token;
        }
        SortedSet<Long> gaps = new TreeSet<>(token.getGaps());
        gaps.removeAll(dead);
        return GapAwareTrackingToken.newInstance(token.getIndex(), gaps);
    }

    private enum State { COMMITTED, DEAD, UNDECIDED }

    /** What a batch of global sequences looks like now: their documents and their aggregates' streams. */
    private TrackingView view(Collection<Long> ids, Map<Long, Document> prefetched) {
        Map<Long, Document> docs;
        if (prefetched == null) {
            docs = byId(ids);
        } else {
            // A replay chunk: the cursor already read the window; only the token's gaps are looked up.
            docs = new TreeMap<>(prefetched);
            List<Long> rest = new ArrayList<>();
            long lowest = prefetched.isEmpty() ? Long.MAX_VALUE : ((TreeMap<Long, Document>) docs).firstKey();
            for (Long id : ids) {
                if (id < lowest && !docs.containsKey(id)) {
                    rest.add(id);
                }
            }
            docs.putAll(byId(rest));
        }
        Set<String> commitIds = new HashSet<>();
        for (Document doc : docs.values()) {
            if (doc.getString("c") != null) {
                commitIds.add(doc.getString("c"));
            }
        }
        Map<String, Document> commitDocs = new HashMap<>();
        if (!commitIds.isEmpty()) {
            for (Document c : commits.find(Filters.in("_id", commitIds))) {
                commitDocs.put(c.getString("_id"), c);
            }
        }
        TrackingView view = new TrackingView(docs, commitDocs);
        // Decide what has been undecided for longer than the gap timeout; an id above the allocated
        // head is merely in the future.
        long now = clock.millis();
        long head = -1;
        boolean changed = false;
        for (Long id : ids) {
            if (view.rawState(id) != State.UNDECIDED) {
                continue;
            }
            if (head < 0) {
                head = head();
            }
            if (id > head) {
                continue;
            }
            long since = undecidedSince.computeIfAbsent(id, k -> now);
            if (now - since >= gapTimeout.toMillis() && decide(id, view)) {
                changed = true;
            }
        }
        return changed ? view(ids, null) : view;
    }

    /**
     * Decides a global sequence undecided for longer than the gap timeout: tombstone if missing,
     * roll forward if written completely, dead otherwise. True if anything changed.
     */
    private boolean decide(long id, TrackingView view) {
        Document doc = view.docs.get(id);
        if (doc == null) {
            try {
                events.insertOne(new Document("_id", id).append("dead", true)
                        .append("ts", Instant.ofEpochMilli(clock.millis()).toString()));
            } catch (MongoWriteException e) {
                if (!isDuplicateKey(e)) {
                    throw e;
                }
            }
            return true;
        }
        long bf = doc.get("bf") == null ? id : ((Number) doc.get("bf")).longValue();
        int bc = doc.get("bc") == null ? 1 : ((Number) doc.get("bc")).intValue();
        List<Long> batch = new ArrayList<>(bc);
        for (long g = bf; g < bf + bc; g++) {
            batch.add(g);
        }
        Map<Long, Document> batchDocs = byId(batch);
        for (Long g : batch) {
            Document d = batchDocs.get(g);
            if (d != null && !d.getBoolean("dead", false) && !Objects.equals(d.get("bf"), doc.get("bf"))) {
                knownDead.addAll(batch); // another writer's document holds one of our ids: incomplete forever
                return true;
            }
            if (d == null) {
                // Claim the missing id so that the writer can never complete this batch.
                try {
                    events.insertOne(new Document("_id", g).append("dead", true)
                            .append("ts", Instant.ofEpochMilli(clock.millis()).toString()));
                } catch (MongoWriteException e) {
                    if (!isDuplicateKey(e)) {
                        throw e;
                    }
                }
                return true;
            }
            if (d.getBoolean("dead", false)) {
                knownDead.addAll(batch); // incomplete forever: no writer or reader can commit it
                return true;
            }
        }
        Document head = batchDocs.get(bf);
        Document tail = batchDocs.get(bf + bc - 1);
        commit(head.getString("a"), head.getString("t"), ((Number) head.get("s")).longValue(),
                ((Number) tail.get("s")).longValue(), batch, tail.getString("h"), schoolOf(head));
        return true;
    }

    private final class TrackingView {
        final Map<Long, Document> docs;
        final Map<String, Document> commits;
        final Map<Long, State> cache = new HashMap<>();

        TrackingView(Map<Long, Document> docs, Map<String, Document> commits) {
            this.docs = docs;
            this.commits = commits;
        }

        Document event(long id) {
            return docs.get(id);
        }

        State state(long id) {
            return cache.computeIfAbsent(id, this::rawState);
        }

        State rawState(long id) {
            Document doc = docs.get(id);
            if (doc == null) {
                return State.UNDECIDED;
            }
            if (doc.getBoolean("dead", false)) {
                return State.DEAD;
            }
            String aggregate = doc.getString("a");
            if (aggregate == null) {
                return State.COMMITTED;
            }
            Document commit = commits.get(doc.getString("c"));
            if (commit != null) {
                long pos = ((Number) doc.get("s")).longValue() - ((Number) commit.get("first")).longValue();
                List<Long> g = globals(commit);
                return pos >= 0 && pos < g.size() && g.get((int) pos) == id ? State.COMMITTED : State.DEAD;
            }
            // Not committed yet. Dead for good if a reader claimed part of its batch.
            if (knownDead.contains(id)) {
                return State.DEAD;
            }
            Long bf = doc.get("bf") == null ? null : ((Number) doc.get("bf")).longValue();
            if (bf != null) {
                int bc = ((Number) doc.get("bc")).intValue();
                for (long b = bf; b < bf + bc; b++) {
                    Document other = docs.get(b);
                    if (other != null && other.getBoolean("dead", false)) {
                        return State.DEAD;
                    }
                }
            }
            return State.UNDECIDED;
        }

        /** Per-aggregate order: the aggregate's previous event was delivered before (or in this batch). */
        boolean predecessorDelivered(long id, GapAwareTrackingToken token, Set<Long> deliveredInBatch) {
            Document doc = docs.get(id);
            String aggregate = doc.getString("a");
            if (aggregate == null) {
                return true;
            }
            Document commit = commits.get(doc.getString("c"));
            long pos = ((Number) doc.get("s")).longValue() - ((Number) commit.get("first")).longValue();
            if (pos == 0) {
                // The first of its batch: the previous batch was committed before this one's global
                // sequences were allocated, so it has lower ones and was read in the same or an
                // earlier batch (see the ADR on the one case real MongoDB leaves open).
                return true;
            }
            long previous = globals(commit).get((int) pos - 1);
            boolean deliveredBefore = previous <= token.getIndex() && !token.getGaps().contains(previous);
            return deliveredBefore || deliveredInBatch.contains(previous);
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    private Map<Long, Document> byId(Collection<Long> ids) {
        Map<Long, Document> found = new TreeMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document doc : events.find(Filters.in("_id", ids))) {
            found.put(((Number) doc.get("_id")).longValue(), doc);
        }
        return found;
    }

    private static List<Long> globals(Document commit) {
        return longs(commit.get("g"));
    }

    @SuppressWarnings("unchecked")
    private static List<Long> longs(Object list) {
        List<Long> result = new ArrayList<>();
        for (Object o : (List<Object>) list) {
            result.add(((Number) o).longValue());
        }
        return result;
    }

    private static GenericDomainEventEntry<String> toEntry(Document doc, String aggregateIdForSnapshot) {
        String aggregate = aggregateIdForSnapshot != null ? aggregateIdForSnapshot : doc.getString("a");
        long seq = doc.get("s") == null ? 0 : ((Number) doc.get("s")).longValue();
        return new GenericDomainEventEntry<>(doc.getString("t"), aggregate == null ? doc.getString("e") : aggregate,
                seq, doc.getString("e"), doc.getString("ts"), doc.getString("pt"), doc.getString("pr"),
                doc.getString("p"), doc.getString("m"));
    }

    static boolean isDuplicateKey(Exception e) {
        if (e instanceof MongoWriteException mwe) {
            return mwe.getError().getCategory() == ErrorCategory.DUPLICATE_KEY || mwe.getError().getCode() == DUPLICATE_KEY;
        }
        if (e instanceof MongoBulkWriteException bwe) {
            return bwe.getWriteErrors().stream().anyMatch(err -> err.getCode() == DUPLICATE_KEY);
        }
        return false;
    }

    /** The stream document did not have the expected last sequence number: another writer won. */
    public static final class StreamConflictException extends RuntimeException {
        public StreamConflictException(String aggregateId, long sequenceNumber) {
            super("aggregate " + aggregateId + " already has an event at sequence " + sequenceNumber);
        }
    }

    /** Maps stream conflicts and duplicate keys to Axon's ConcurrencyException (via the parent). */
    public static final PersistenceExceptionResolver DEFAULT_RESOLVER = e ->
            e instanceof StreamConflictException || isDuplicateKey(e);

    // ------------------------------------------------------------------------------------ builder

    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private String collectionPrefix = "ct_";
        private Duration gapTimeout = Duration.ofSeconds(10);
        private int maxGapOffset = 1_000_000;
        private Clock clock = Clock.systemUTC();
        private long replayScanMinimum = 10_000;
        private int rememberedHeads = 10_000;

        public Builder() {
            persistenceExceptionResolver(DEFAULT_RESOLVER);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder collectionPrefix(String prefix) {
            this.collectionPrefix = prefix;
            return this;
        }

        /** How long a global sequence may stay missing or uncommitted before a reader decides it. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        /**
         * A reader at least this many events behind the head reads in {@code _id}-ordered chunks
         * (see {@link #readEventData(TrackingToken, boolean)}); 0 turns that off.
         */
        public Builder replayScanMinimum(long events) {
            this.replayScanMinimum = events;
            return this;
        }

        /** How many aggregates' head hashes this instance keeps in memory (appends after a load read none). */
        public Builder rememberedHeads(int aggregates) {
            this.rememberedHeads = aggregates;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        public Builder finalAggregateBatchPredicate(Predicate<List<? extends DomainEventData<?>>> predicate) {
            super.finalAggregateBatchPredicate(predicate);
            return this;
        }

        @Override
        protected void validate() {
            super.validate();
            if (database == null) {
                throw new org.axonframework.common.AxonConfigurationException("database is required");
            }
        }

        public CasetrailMongoEventStorageEngine build() {
            validate();
            return new CasetrailMongoEventStorageEngine(this);
        }
    }
}

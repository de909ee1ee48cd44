package org.casetrail.platform.audit;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.casetrail.contracts.Actor;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.audit.AuditDigestRecorded;
import org.casetrail.platform.accesslog.AccessLog;
import org.casetrail.platform.accesslog.AccessLogAnchors;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine.StreamHead;
import org.casetrail.platform.kafka.IntegrationEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * School digests (docs/audit.md, "Digests"): the Merkle root over the head hashes of every chain a
 * service holds for a school, recorded in Mongo with its leaves (so that a proof for one aggregate
 * can be given later) and published as {@link AuditDigestRecorded}. Every read and write is by
 * {@code _id}, except listing a school's chains, which scans the stream documents once per digest.
 *
 * <p>Collections: {@code audit_digests} ({@code _id = <school>#<n>}), {@code audit_digest_leaves}
 * ({@code _id = <digestId>/<chunk>}, 1,000 leaves each), {@code audit_digest_heads}
 * ({@code _id = school}, the highest {@code n}). The insert of the digest document with its unique
 * {@code _id} decides its number when two digests of a school are recorded at once.
 *
 * <p>A digest also records the head of the school's access-log chain in the same service (sequence and
 * hash, docs/audit.md, "Anchoring the access log"), published with the root: the access log's own
 * chain cannot show a consistent rewrite of itself, a copy of its head kept outside casetrail can.
 */
public class SchoolDigests implements AccessLogAnchors {

    public static final String ALGORITHM = "casetrail-merkle-sha256-v1";
    static final int LEAVES_PER_CHUNK = 1_000;
    private static final Logger log = LoggerFactory.getLogger(SchoolDigests.class);
    private static final Actor SCHEDULER = Actor.system("audit-digest");

    private final CasetrailMongoEventStorageEngine engine;
    private final MongoCollection<Document> digests;
    private final MongoCollection<Document> leaves;
    private final MongoCollection<Document> heads;
    private final IntegrationEventPublisher publisher;
    private final String service;
    private final Clock clock;
    private final AccessLog accessLog;

    public SchoolDigests(AuditTrail trail, MongoDatabase database, IntegrationEventPublisher publisher, String service,
                         Clock clock) {
        this(trail, database, publisher, service, clock, null);
    }

    /** @param accessLog the service's access log, whose heads the digests anchor; null if it keeps none */
    public SchoolDigests(AuditTrail trail, MongoDatabase database, IntegrationEventPublisher publisher, String service,
                         Clock clock, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.engine = trail.chained() ? trail.engine() : null;
        this.digests = database.getCollection("audit_digests");
        this.leaves = database.getCollection("audit_digest_leaves");
        this.heads = database.getCollection("audit_digest_heads");
        this.publisher = publisher;
        this.service = service;
        this.clock = clock;
    }

    /**
     * A recorded digest. {@code publishedAt} is null until the broker acknowledged it; the access-log
     * fields are null when the service keeps no access log (and in digests recorded before they existed).
     */
    public record Digest(String digestId, String schoolId, String service, long number, Instant recordedAt,
                         String root, int leafCount, String algorithm, String previousDigestId, Instant publishedAt,
                         Long accessLogSequence, String accessLogHeadHash) {
    }

    /** One aggregate's place in a digest and the siblings that lead from its leaf to the root. */
    public record Proof(Digest digest, int index, MerkleTree.Leaf leaf, String leafHash, List<MerkleTree.Step> path) {
    }

    /**
     * Records a digest of the school now and publishes it.
     *
     * @param actor         who asked (an AUDITOR or ADMIN), or the scheduler
     * @param correlationId the request's, or the digest's own id when scheduled (null)
     */
    public Digest record(String schoolId, Actor actor, String correlationId) {
        CasetrailMongoEventStorageEngine chains = chains();
        List<MerkleTree.Leaf> leafList = new ArrayList<>();
        for (StreamHead head : chains.streamHeads(schoolId)) {
            leafList.add(new MerkleTree.Leaf(head.aggregateId(), head.lastSequence(), head.headHash()));
        }
        String root = MerkleTree.root(leafList.stream().map(MerkleTree::leafHash).toList());
        AccessLog.Head logHead = accessLog == null ? null : accessLog.head(schoolId);
        Instant now = clock.instant();
        long number = highest(schoolId) + 1;
        Document doc;
        while (true) {
            String id = digestId(schoolId, number);
            doc = new Document("_id", id).append("schoolId", schoolId).append("service", service)
                    .append("number", number).append("recordedAt", Date.from(now)).append("root", root)
                    .append("leafCount", leafList.size()).append("algorithm", ALGORITHM)
                    .append("previousDigestId", number > 1 ? digestId(schoolId, number - 1) : null)
                    .append("chunks", (leafList.size() + LEAVES_PER_CHUNK - 1) / LEAVES_PER_CHUNK)
                    .append("accessLogSequence", logHead == null ? null : logHead.sequence())
                    .append("accessLogHeadHash", logHead == null ? null : logHead.hash());
            try {
                digests.insertOne(doc);
                break;
            } catch (MongoWriteException e) {
                if (e.getError().getCode() != 11000) {
                    throw e;
                }
                number++; // another recorder took this number
            }
        }
        storeLeaves(doc.getString("_id"), leafList);
        heads.updateOne(Filters.eq("_id", schoolId), Updates.max("n", number), new UpdateOptions().upsert(true));
        Digest digest = toDigest(doc);
        return publish(digest, actor, correlationId);
    }

    /**
     * The scheduled run: for every school with chains or an access log, publishes its latest digest if
     * that was never acknowledged, then records a new one unless nothing changed since (same root and
     * same access-log head).
     */
    public List<Digest> recordAllChanged() {
        if (engine == null) {
            log.warn("no school digests: this service's event storage (axon-mongo) keeps no hash chain");
            return List.of();
        }
        List<Digest> recorded = new ArrayList<>();
        Set<String> schools = new TreeSet<>(chains().schools());
        if (accessLog != null) {
            schools.addAll(accessLog.schools());
        }
        for (String school : schools) {
            try {
                Optional<Digest> latest = latest(school);
                if (latest.isPresent() && latest.get().publishedAt() == null) {
                    publish(latest.get(), SCHEDULER, null);
                }
                List<String> leafHashes = new ArrayList<>();
                for (StreamHead head : chains().streamHeads(school)) {
                    leafHashes.add(MerkleTree.leafHash(new MerkleTree.Leaf(head.aggregateId(), head.lastSequence(),
                            head.headHash())));
                }
                AccessLog.Head logHead = accessLog == null ? null : accessLog.head(school);
                if (latest.isPresent() && latest.get().root().equals(MerkleTree.root(leafHashes))
                        && (logHead == null || (Objects.equals(latest.get().accessLogSequence(), logHead.sequence())
                        && logHead.hash().equals(latest.get().accessLogHeadHash())))) {
                    continue;
                }
                recorded.add(record(school, SCHEDULER, null));
            } catch (RuntimeException e) {
                // One school's failure (the broker away) must not stop the others; the next run retries.
                log.warn("digest of school {} not recorded or not published: {}", school, e.toString());
            }
        }
        return recorded;
    }

    public Optional<Digest> latest(String schoolId) {
        long n = highest(schoolId);
        return n == 0 ? Optional.empty() : find(digestId(schoolId, n));
    }

    public Optional<Digest> find(String digestId) {
        return Optional.ofNullable(digests.find(Filters.eq("_id", digestId)).first()).map(SchoolDigests::toDigest);
    }

    @Override
    public Optional<Anchor> anchor(String schoolId, String digestId) {
        Optional<Digest> digest = digestId == null ? latest(schoolId)
                : find(digestId).filter(d -> d.schoolId().equals(schoolId));
        return digest.filter(d -> d.accessLogSequence() != null && d.accessLogHeadHash() != null)
                .map(d -> new Anchor(d.digestId(), d.recordedAt(), d.accessLogSequence(), d.accessLogHeadHash()));
    }

    /** The proof for one aggregate in a digest; empty if the digest does not cover it. */
    public Optional<Proof> proof(Digest digest, String aggregateId) {
        Document doc = digests.find(Filters.eq("_id", digest.digestId())).first();
        int chunks = doc == null ? 0 : ((Number) doc.get("chunks")).intValue();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            ids.add(digest.digestId() + "/" + i);
        }
        List<Document> chunkDocs = new ArrayList<>();
        if (!ids.isEmpty()) {
            leaves.find(Filters.in("_id", ids)).into(chunkDocs);
        }
        chunkDocs.sort((a, b) -> Integer.compare(((Number) a.get("k")).intValue(), ((Number) b.get("k")).intValue()));
        List<MerkleTree.Leaf> leafList = new ArrayList<>();
        for (Document chunk : chunkDocs) {
            for (Object item : chunk.getList("l", Object.class)) {
                List<?> l = (List<?>) item;
                leafList.add(new MerkleTree.Leaf((String) l.get(0), ((Number) l.get(1)).longValue(), (String) l.get(2)));
            }
        }
        if (leafList.size() != digest.leafCount()) {
            return Optional.empty(); // being written
        }
        int index = Collections.binarySearch(leafList.stream().map(MerkleTree.Leaf::aggregateId).toList(), aggregateId);
        if (index < 0) {
            return Optional.empty();
        }
        List<String> hashes = leafList.stream().map(MerkleTree::leafHash).toList();
        return Optional.of(new Proof(digest, index, leafList.get(index), hashes.get(index),
                MerkleTree.proof(hashes, index)));
    }

    private void storeLeaves(String digestId, List<MerkleTree.Leaf> leafList) {
        List<Document> chunks = new ArrayList<>();
        for (int from = 0, k = 0; from < leafList.size(); from += LEAVES_PER_CHUNK, k++) {
            List<List<Object>> items = new ArrayList<>();
            for (MerkleTree.Leaf leaf : leafList.subList(from, Math.min(leafList.size(), from + LEAVES_PER_CHUNK))) {
                items.add(java.util.Arrays.asList(leaf.aggregateId(), leaf.sequence(), leaf.headHash()));
            }
            chunks.add(new Document("_id", digestId + "/" + k).append("k", k).append("l", items));
        }
        if (!chunks.isEmpty()) {
            leaves.insertMany(chunks);
        }
    }

    private Digest publish(Digest digest, Actor actor, String correlationId) {
        AuditDigestRecorded event = new AuditDigestRecorded(digest.digestId(), digest.schoolId(), digest.service(),
                digest.number(), digest.recordedAt(), digest.root(), digest.leafCount(), digest.algorithm(),
                digest.previousDigestId(), digest.accessLogSequence(), digest.accessLogHeadHash());
        // Keyed by school: one school's digests stay in order on one partition.
        EventEnvelope envelope = new EventEnvelope(UUID.nameUUIDFromBytes(
                (digest.service() + "/" + digest.digestId()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(),
                IntegrationEvents.typeOf(AuditDigestRecorded.class), IntegrationEvents.versionOf(AuditDigestRecorded.class),
                digest.recordedAt(), digest.schoolId(), "AuditDigest", digest.schoolId(), digest.number(),
                correlationId != null ? correlationId : digest.digestId(), digest.digestId(), actor,
                IntegrationEvents.toPayload(event));
        publisher.publish(Topics.AUDIT_DIGESTS, envelope);
        Instant published = clock.instant();
        digests.updateOne(Filters.eq("_id", digest.digestId()), Updates.set("publishedAt", Date.from(published)));
        return new Digest(digest.digestId(), digest.schoolId(), digest.service(), digest.number(), digest.recordedAt(),
                digest.root(), digest.leafCount(), digest.algorithm(), digest.previousDigestId(), published,
                digest.accessLogSequence(), digest.accessLogHeadHash());
    }

    private long highest(String schoolId) {
        Document head = heads.find(Filters.eq("_id", schoolId)).first();
        return head == null ? 0 : ((Number) head.get("n")).longValue();
    }

    private CasetrailMongoEventStorageEngine chains() {
        if (engine == null) {
            throw new AuditChainUnavailable();
        }
        return engine;
    }

    static String digestId(String schoolId, long number) {
        return schoolId + "#" + number;
    }

    private static Digest toDigest(Document doc) {
        Date published = doc.getDate("publishedAt");
        Number logSequence = doc.get("accessLogSequence", Number.class);
        return new Digest(doc.getString("_id"), doc.getString("schoolId"), doc.getString("service"),
                ((Number) doc.get("number")).longValue(), doc.getDate("recordedAt").toInstant(), doc.getString("root"),
                ((Number) doc.get("leafCount")).intValue(), doc.getString("algorithm"), doc.getString("previousDigestId"),
                published == null ? null : published.toInstant(),
                logSequence == null ? null : logSequence.longValue(), doc.getString("accessLogHeadHash"));
    }
}

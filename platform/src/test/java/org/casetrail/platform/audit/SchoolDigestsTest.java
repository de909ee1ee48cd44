package org.casetrail.platform.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.casetrail.contracts.Actor;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.audit.AuditDigestRecorded;
import org.casetrail.platform.accesslog.AccessLogAnchors;
import org.casetrail.platform.accesslog.AccessLogChain;
import org.casetrail.platform.accesslog.AccessLogEntry;
import org.casetrail.platform.accesslog.AccessRecord;
import org.casetrail.platform.accesslog.MongoAccessLog;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine;
import org.casetrail.platform.kafka.IntegrationEventPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** School digests on the embedded Mongo-wire server: what is recorded, proven, published and re-published. */
class SchoolDigestsTest {

    record Noted(String text) {
    }

    /** Records what would go to the broker; can be told to fail like an absent broker. */
    static final class RecordingPublisher extends IntegrationEventPublisher {
        final List<EventEnvelope> sent = new ArrayList<>();
        boolean brokerDown;

        RecordingPublisher() {
            super(null, java.time.Duration.ofSeconds(1));
        }

        @Override
        public void publish(String topic, EventEnvelope envelope) {
            if (brokerDown) {
                throw new IllegalStateException("broker away");
            }
            sent.add(envelope);
        }
    }

    private static MongoServer server;
    private static MongoClient client;
    private static int dbCounter;

    private CasetrailMongoEventStorageEngine engine;
    private SchoolDigests digests;
    private RecordingPublisher publisher;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void newDatabase() {
        MongoDatabase db = client.getDatabase("digests" + (++dbCounter));
        JacksonSerializer serializer = JacksonSerializer.builder().build();
        engine = CasetrailMongoEventStorageEngine.builder().database(db).eventSerializer(serializer)
                .snapshotSerializer(serializer).build();
        publisher = new RecordingPublisher();
        digests = new SchoolDigests(new AuditTrail(engine, EmbeddedEventStore.builder().storageEngine(engine).build()), db,
                publisher, "case-service", Clock.fixed(Instant.parse("2026-11-25T14:00:00Z"), ZoneOffset.UTC));
    }

    private void append(String aggregate, long seq, String school) {
        DomainEventMessage<Noted> event = new GenericDomainEventMessage<>("Case", aggregate, seq, new Noted(aggregate + seq),
                MetaData.from(Map.of("schoolId", school, "actorId", "u")));
        engine.appendEvents(List.of(event));
    }

    @Test
    void aDigestIsTheRootOverTheSchoolsHeadsSortedByAggregateAndProvesEachOfThem() {
        append("b", 0, "s1");
        append("a", 0, "s1");
        append("a", 1, "s1");
        append("c", 0, "s2");

        SchoolDigests.Digest digest = digests.record("s1", new Actor("aud", "AUDITOR"), "corr-1");

        String a = MerkleTree.leafHash(new MerkleTree.Leaf("a", 1, engine.streamHead("a").orElseThrow().headHash()));
        String b = MerkleTree.leafHash(new MerkleTree.Leaf("b", 0, engine.streamHead("b").orElseThrow().headHash()));
        assertThat(digest.root()).isEqualTo(MerkleTree.nodeHash(a, b));
        assertThat(digest.digestId()).isEqualTo("s1#1");
        assertThat(digest.leafCount()).isEqualTo(2);
        assertThat(digest.previousDigestId()).isNull();
        assertThat(digest.publishedAt()).isNotNull();
        SchoolDigests.Proof proof = digests.proof(digest, "b").orElseThrow();
        assertThat(proof.index()).isEqualTo(1);
        assertThat(MerkleTree.rootFromProof(proof.leafHash(), proof.path())).isEqualTo(digest.root());
        assertThat(digests.proof(digest, "c")).as("another school's chain").isEmpty();

        assertThat(publisher.sent).hasSize(1);
        EventEnvelope envelope = publisher.sent.get(0);
        assertThat(envelope.aggregateId()).isEqualTo("s1");
        assertThat(envelope.correlationId()).isEqualTo("corr-1");
        AuditDigestRecorded event = (AuditDigestRecorded) IntegrationEvents.payloadOf(envelope).orElseThrow();
        assertThat(event.root()).isEqualTo(digest.root());
        assertThat(event.algorithm()).isEqualTo(SchoolDigests.ALGORITHM);

        SchoolDigests.Digest second = digests.record("s1", new Actor("aud", "AUDITOR"), null);
        assertThat(second.digestId()).isEqualTo("s1#2");
        assertThat(second.previousDigestId()).isEqualTo("s1#1");
        assertThat(digests.latest("s1")).map(SchoolDigests.Digest::digestId).contains("s1#2");
    }

    @Test
    void theScheduledRunRecordsOnlyChangedSchoolsAndPublishesWhatTheBrokerMissed() {
        append("a", 0, "s1");
        append("c", 0, "s2");
        publisher.brokerDown = true;
        assertThat(digests.recordAllChanged()).isEmpty(); // recorded, not published: logged, retried next run
        assertThat(digests.latest("s1").orElseThrow().publishedAt()).isNull();

        publisher.brokerDown = false;
        assertThat(digests.recordAllChanged()).isEmpty(); // nothing changed, but the missed ones go out now
        assertThat(publisher.sent).extracting(EventEnvelope::aggregateId).containsExactlyInAnyOrder("s1", "s2");
        assertThat(digests.latest("s1").orElseThrow().publishedAt()).isNotNull();

        append("a", 1, "s1");
        assertThat(digests.recordAllChanged()).extracting(SchoolDigests.Digest::digestId).containsExactly("s1#2");
    }

    @Test
    void aDigestAnchorsTheAccessLogsHeadAndTheScheduledRunNoticesAnAccessLogThatMoved() {
        MongoDatabase db = client.getDatabase("digests" + (++dbCounter));
        MongoAccessLog accessLog = new MongoAccessLog(db, 500);
        JacksonSerializer serializer = JacksonSerializer.builder().build();
        engine = CasetrailMongoEventStorageEngine.builder().database(db).eventSerializer(serializer)
                .snapshotSerializer(serializer).build();
        digests = new SchoolDigests(new AuditTrail(engine, EmbeddedEventStore.builder().storageEngine(engine).build()), db,
                publisher, "case-service", Clock.fixed(Instant.parse("2026-11-25T14:00:00Z"), ZoneOffset.UTC), accessLog);
        append("a", 0, "s1");
        assertThat(digests.recordAllChanged()).extracting(SchoolDigests.Digest::digestId).containsExactly("s1#1");
        SchoolDigests.Digest empty = digests.latest("s1").orElseThrow();
        assertThat(empty.accessLogSequence()).isZero();
        assertThat(empty.accessLogHeadHash()).isEqualTo(AccessLogChain.GENESIS);

        AccessLogEntry read = accessLog.append(read("s1"));
        // Only the access log moved: a new digest anchors it; and a school with reads but no chains gets one too.
        accessLog.append(read("s3"));
        assertThat(digests.recordAllChanged()).extracting(SchoolDigests.Digest::digestId)
                .containsExactlyInAnyOrder("s1#2", "s3#1");
        SchoolDigests.Digest anchored = digests.latest("s1").orElseThrow();
        assertThat(anchored.root()).isEqualTo(empty.root());
        assertThat(anchored.accessLogSequence()).isEqualTo(1L);
        assertThat(anchored.accessLogHeadHash()).isEqualTo(read.hash());
        assertThat(digests.anchor("s1", null)).contains(new AccessLogAnchors.Anchor("s1#2", anchored.recordedAt(), 1,
                read.hash()));
        assertThat(digests.anchor("s1", "s1#1")).map(AccessLogAnchors.Anchor::sequence).contains(0L);
        assertThat(digests.anchor("s1", "s3#1")).as("another school's digest").isEmpty();
        assertThat(digests.recordAllChanged()).as("nothing moved").isEmpty();

        AuditDigestRecorded published = (AuditDigestRecorded) IntegrationEvents.payloadOf(
                publisher.sent.stream().filter(e -> e.correlationId().equals("s1#2")).findFirst().orElseThrow()).orElseThrow();
        assertThat(published.accessLogSequence()).isEqualTo(1L);
        assertThat(published.accessLogHeadHash()).isEqualTo(read.hash());
    }

    private static AccessRecord read(String school) {
        return new AccessRecord(school, Instant.parse("2026-11-25T13:00:00Z"), "u", "AUDITOR", List.of("AUDITOR"), "case",
                "a", "history", "GET", "/api/v1/cases/a/history", "c", "r", 200);
    }

    @Test
    void withoutCasetrailsEngineThereIsNoChainAndTheAuditSaysSo() {
        InMemoryEventStorageEngine other = new InMemoryEventStorageEngine();
        AuditTrail trail = new AuditTrail(other, EmbeddedEventStore.builder().storageEngine(other).build());
        other.appendEvents(new GenericDomainEventMessage<>("Case", "x", 0, new Noted("x")));
        assertThat(trail.chained()).isFalse();
        assertThatThrownBy(() -> trail.verify("x")).isInstanceOf(AuditChainUnavailable.class);
        assertThatThrownBy(() -> trail.history("x")).isInstanceOf(AuditChainUnavailable.class);
        assertThat(trail.eventsUpTo("x", Instant.now().plusSeconds(1))).hasSize(1);
    }
}

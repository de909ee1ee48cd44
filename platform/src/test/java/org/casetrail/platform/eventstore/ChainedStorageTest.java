package org.casetrail.platform.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.casetrail.platform.audit.ChainVerification;
import org.casetrail.platform.audit.ChainVerifier;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine.ChainedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash chain the engine stores with every event, and the verifier against direct tampering in Mongo. */
class ChainedStorageTest {

    record Noted(String text, int n) {
    }

    private static MongoServer server;
    private static MongoClient client;
    private static int dbCounter;

    private MongoDatabase db;
    private CasetrailMongoEventStorageEngine engine;
    private MongoCollection<Document> events;

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
        db = client.getDatabase("chain" + (++dbCounter));
        engine = engine();
        events = db.getCollection("ct_events");
    }

    private CasetrailMongoEventStorageEngine engine() {
        JacksonSerializer serializer = JacksonSerializer.builder().build();
        return CasetrailMongoEventStorageEngine.builder().database(db).eventSerializer(serializer)
                .snapshotSerializer(serializer).batchSize(4).build();
    }

    private static DomainEventMessage<Noted> event(String aggregate, long seq) {
        return new GenericDomainEventMessage<>("Case", aggregate, seq, new Noted(aggregate + "#" + seq, (int) seq),
                MetaData.from(Map.of("actorId", "u-" + seq, "actorRole", "DSL", "schoolId", "school-1",
                        "correlationId", "c-1", "causationId", "m-" + seq, "requestId", "r-1")));
    }

    private void appendSix(String aggregate) {
        engine.appendEvents(List.of(event(aggregate, 0), event(aggregate, 1)));
        for (int i = 2; i < 6; i++) {
            engine.appendEvents(List.of(event(aggregate, i)));
        }
    }

    private ChainVerification verify(String aggregate) {
        return ChainVerifier.verify(engine.chainedEvents(aggregate),
                engine.streamHead(aggregate).map(CasetrailMongoEventStorageEngine.StreamHead::headHash).orElse(null));
    }

    private Document stored(String aggregate, long sequence) {
        return engine.chainedEvents(aggregate).get((int) sequence).document();
    }

    @Test
    void everyEventIsLinkedToItsPredecessorAndTheStreamRecordsTheHeadAndTheSchool() {
        appendSix("a");
        List<ChainedEvent> chain = engine.chainedEvents("a");
        assertThat(chain).hasSize(6);
        String previous = EventChain.GENESIS;
        for (ChainedEvent event : chain) {
            assertThat(event.previousHash()).isEqualTo(previous);
            assertThat(event.hash()).isEqualTo(EventChain.hash(previous, event.stored()));
            previous = event.hash();
        }
        var head = engine.streamHead("a").orElseThrow();
        assertThat(head.headHash()).isEqualTo(previous);
        assertThat(head.school()).isEqualTo("school-1");
        assertThat(head.lastSequence()).isEqualTo(5);
        assertThat(verify("a")).isEqualTo(new ChainVerification(true, 6, null, previous, null));
        assertThat(engine.streamHeads("school-1")).extracting(CasetrailMongoEventStorageEngine.StreamHead::aggregateId)
                .containsExactly("a");
        assertThat(engine.schools()).containsExactly("school-1");
    }

    @Test
    void anotherInstanceThatNeverLoadedTheAggregateChainsFromTheStreamDocument() {
        engine.appendEvents(List.of(event("a", 0)));
        CasetrailMongoEventStorageEngine other = engine();
        other.appendEvents(List.of(event("a", 1)));
        engine.appendEvents(List.of(event("a", 2)));
        assertThat(verify("a").valid()).isTrue();
    }

    @Test
    void importedHistoriesAreChainedLikeAppendedOnes() {
        List<DomainEventMessage<?>> history = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            history.add(event("imported", i));
        }
        engine.importHistory(history);
        engine.appendEvents(List.of(event("imported", 3)));
        assertThat(verify("imported").valid()).isTrue();
        assertThat(verify("imported").events()).isEqualTo(4);
    }

    @Test
    void oneChangedCharacterOfAPayloadIsFoundAtItsSequence() {
        appendSix("a");
        Document doc = stored("a", 3);
        events.updateOne(Filters.eq("_id", doc.get("_id")), Updates.set("p", doc.getString("p").replace("a#3", "a#8")));
        ChainVerification result = verify("a");
        assertThat(result.valid()).isFalse();
        assertThat(result.brokenAtSequence()).isEqualTo(3L);
        assertThat(result.headHash()).isEqualTo(stored("a", 2).getString("h"));
    }

    @Test
    void reorderedFieldsOfAPayloadAreTheSameEventAndStillVerify() {
        appendSix("a");
        Document doc = stored("a", 2);
        assertThat(doc.getString("p")).isEqualTo("{\"text\":\"a#2\",\"n\":2}");
        events.updateOne(Filters.eq("_id", doc.get("_id")), Updates.set("p", "{\"n\":2,\"text\":\"a#2\"}"));
        assertThat(verify("a").valid()).isTrue();
    }

    @Test
    void aDeletedEventIsFoundAtItsSequence() {
        appendSix("a");
        events.deleteOne(Filters.eq("_id", stored("a", 4).get("_id")));
        assertThat(verify("a").brokenAtSequence()).isEqualTo(4L);
    }

    @Test
    void aDeletedEventAlsoRemovedFromTheStreamIsFoundAtItsSequence() {
        appendSix("a");
        // The events at 2..5 were appended one by one: remove 3 from the stream's batches and shift the rest.
        Document stream = db.getCollection("ct_streams").find(Filters.eq("_id", "a")).first();
        Document batches = stream.get("b", Document.class);
        Document four = batches.get("3", Document.class);
        Document five = batches.get("4", Document.class);
        batches.put("2", new Document(four).append("f", 3L));
        batches.put("3", new Document(five).append("f", 4L));
        batches.remove("4");
        db.getCollection("ct_streams").replaceOne(Filters.eq("_id", "a"), stream.append("last", 4L));
        assertThat(verify("a").brokenAtSequence()).isEqualTo(3L);
    }

    @Test
    void swappedSequenceNumbersAreFoundAtTheFirstOfThem() {
        appendSix("a");
        Document two = stored("a", 2);
        Document three = stored("a", 3);
        events.updateOne(Filters.eq("_id", two.get("_id")), Updates.set("s", 3L));
        events.updateOne(Filters.eq("_id", three.get("_id")), Updates.set("s", 2L));
        assertThat(verify("a").brokenAtSequence()).isEqualTo(2L);
    }

    @Test
    void swappedEventDocumentsAreFoundAtTheFirstOfThem() {
        appendSix("a");
        Document two = stored("a", 2);
        Document three = stored("a", 3);
        Object twoId = two.get("_id");
        Object threeId = three.get("_id");
        events.replaceOne(Filters.eq("_id", twoId), new Document(three).append("_id", twoId).append("s", 2L));
        events.replaceOne(Filters.eq("_id", threeId), new Document(two).append("_id", threeId).append("s", 3L));
        assertThat(verify("a").brokenAtSequence()).isEqualTo(2L);
    }

    @Test
    void aChangedActorInTheMetadataIsFoundAtItsSequence() {
        appendSix("a");
        Document doc = stored("a", 1);
        events.updateOne(Filters.eq("_id", doc.get("_id")), Updates.set("m", doc.getString("m").replace("u-1", "u-9")));
        assertThat(verify("a").brokenAtSequence()).isEqualTo(1L);
    }

    @Test
    void aRewrittenLastEventWithARecomputedHashIsCaughtByTheStreamsRecordedHead() {
        appendSix("a");
        Document doc = stored("a", 5);
        Document forged = new Document(doc).append("p", doc.getString("p").replace("a#5", "a#X"));
        forged.put("h", EventChain.hash(doc.getString("ph"), CasetrailMongoEventStorageEngine.stored(forged)));
        events.replaceOne(Filters.eq("_id", doc.get("_id")), forged);
        assertThat(verify("a").brokenAtSequence()).isEqualTo(5L);
    }
}

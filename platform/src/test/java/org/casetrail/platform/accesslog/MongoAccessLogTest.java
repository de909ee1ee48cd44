package org.casetrail.platform.accesslog;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.casetrail.platform.testing.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The access log's chain on the embedded Mongo server: appends, a lagging head, a second writer, and the walk. */
class MongoAccessLogTest {

    private static MongoClient client;
    private static MongoDatabase database;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedMongo.uri("access-log-test"));
        database = client.getDatabase("access-log-test");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private final String school = "school-" + UUID.randomUUID();

    @Test
    void entriesChainFromTheGenesisHashAndListNewestFirst() {
        MongoAccessLog log = new MongoAccessLog(database, 3);
        AccessLogEntry first = log.append(read("u1", "case-1", 200));
        AccessLogEntry second = log.append(read("u2", "case-2", 404));
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(AccessLogChain.GENESIS);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        for (int i = 0; i < 5; i++) {
            log.append(read("u1", "case-1", 200));
        }
        AccessLog.Listing listing = log.list(school, new AccessLog.Filter(null, null, null, null, null, null), 0, 10);
        assertThat(listing.chain()).isEqualTo(new AccessLog.ChainCheck(true, 7, null, listing.entries().get(0).hash()));
        assertThat(listing.entries()).extracting(AccessLogEntry::sequence).containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
        AccessLog.Listing ofCase2 = log.list(school, new AccessLog.Filter("case", "case-2", null, null, null, null), 0, 10);
        assertThat(ofCase2.total()).isEqualTo(1);
        assertThat(ofCase2.entries().get(0).record().status()).isEqualTo(404);
    }

    @Test
    void anEntryWrittenWithoutItsHeadMoveIsChainedAfter() {
        MongoAccessLog log = new MongoAccessLog(database, 500);
        log.append(read("u1", "case-1", 200));
        AccessLogEntry second = log.append(read("u1", "case-1", 200));
        // A crash between the entry's insert and the head's move: the head says 1.
        database.getCollection(MongoAccessLog.HEADS).updateOne(Filters.eq("_id", school),
                Updates.combine(Updates.set("sequence", 1L), Updates.set("hash",
                        log.list(school, all(), 1, 1).entries().get(0).hash())));
        AccessLogEntry third = log.append(read("u1", "case-1", 200));
        assertThat(third.sequence()).isEqualTo(3);
        assertThat(third.previousHash()).isEqualTo(second.hash());
        assertThat(log.list(school, all(), 0, 10).chain().intact()).isTrue();
    }

    @Test
    void theHeadADigestAnchorsStepsOverAnEntryWhoseHeadMoveWasLost() {
        MongoAccessLog log = new MongoAccessLog(database, 500);
        assertThat(log.head(school)).isEqualTo(new AccessLog.Head(0, AccessLogChain.GENESIS));
        log.append(read("u1", "case-1", 200));
        AccessLogEntry second = log.append(read("u2", "case-1", 200));
        database.getCollection(MongoAccessLog.HEADS).updateOne(Filters.eq("_id", school),
                Updates.combine(Updates.set("sequence", 1L), Updates.set("hash", "stale")));
        assertThat(log.head(school)).isEqualTo(new AccessLog.Head(2, second.hash()));
        assertThat(log.hashAt(school, 2)).contains(second.hash());
        assertThat(log.hashAt(school, 3)).isEmpty();
        assertThat(log.schools()).contains(school);
    }

    @Test
    void twoWritersOnOneDatabaseShareOneChain() {
        MongoAccessLog one = new MongoAccessLog(database, 500);
        MongoAccessLog other = new MongoAccessLog(database, 500);
        for (int i = 0; i < 6; i++) {
            (i % 2 == 0 ? one : other).append(read("u" + i, "case-1", 200));
        }
        AccessLog.Listing listing = one.list(school, all(), 0, 10);
        assertThat(listing.chain().intact()).isTrue();
        assertThat(listing.chain().entries()).isEqualTo(6);
    }

    @Test
    void swappedEntriesAreNamed() {
        MongoAccessLog log = new MongoAccessLog(database, 2);
        for (int i = 0; i < 4; i++) {
            log.append(read("u" + i, "case-1", 200));
        }
        var entries = database.getCollection(MongoAccessLog.ENTRIES);
        var second = entries.find(Filters.eq("_id", MongoAccessLog.id(school, 2))).first();
        var third = entries.find(Filters.eq("_id", MongoAccessLog.id(school, 3))).first();
        entries.replaceOne(Filters.eq("_id", MongoAccessLog.id(school, 2)), third.append("_id", MongoAccessLog.id(school, 2)));
        entries.replaceOne(Filters.eq("_id", MongoAccessLog.id(school, 3)), second.append("_id", MongoAccessLog.id(school, 3)));
        AccessLog.ChainCheck check = log.list(school, all(), 0, 10).chain();
        assertThat(check.intact()).isFalse();
        assertThat(check.brokenAtSequence()).isEqualTo(2);
    }

    private static AccessLog.Filter all() {
        return new AccessLog.Filter(null, null, null, null, null, null);
    }

    private AccessRecord read(String userId, String caseId, int status) {
        return new AccessRecord(school, Instant.parse("2026-11-25T10:00:00.123Z"), userId, "PRINCIPAL",
                List.of("STAFF", "PRINCIPAL"), "case", caseId, "detail", "GET", "/api/v1/cases/" + caseId, "c", "r", status);
    }
}

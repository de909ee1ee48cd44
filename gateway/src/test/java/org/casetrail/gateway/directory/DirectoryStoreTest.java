package org.casetrail.gateway.directory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.casetrail.contracts.Actor;
import org.casetrail.contracts.Role;
import org.casetrail.platform.testing.EmbeddedMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's query shapes, run on the in-JVM Mongo-wire server (no Spring context). */
class DirectoryStoreTest {

    private MongoClient client;
    private MongoTemplate mongo;
    private DirectoryStore store;

    @BeforeEach
    void setUp() {
        client = MongoClients.create(EmbeddedMongo.uri("unused"));
        mongo = new MongoTemplate(client, "directory-store-" + UUID.randomUUID());
        store = new DirectoryStore(mongo);
        store.insert(user("demo-school", "sam.staff", "Sam Staff", true));
        store.insert(user("demo-school", "tara.teacher", "Tara Teacher", true));
        store.insert(user("demo-school", "paul.principal", "Paul Principal", true));
        store.insert(user("demo-school", "gone.person", "Gone Sam", false));
        store.insert(user("other-school", "olga.other", "Olga Other", true));
        store.insert(user("other-school", "sam.other", "Sam Other", true));
    }

    @AfterEach
    void tearDown() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void searchStaysInsideTheSchoolAndIgnoresCase() {
        assertThat(store.search("demo-school", "SAM", 50)).extracting(DirectoryUser::username)
                .containsExactly("sam.staff");
        assertThat(store.search("demo-school", "teach", 50)).extracting(DirectoryUser::username)
                .containsExactly("tara.teacher");
        assertThat(store.search("demo-school", "o", 50)).extracting(DirectoryUser::username)
                .doesNotContain("olga.other", "sam.other");
    }

    @Test
    void searchMatchesDisplayNamesAndListsEveryoneWithoutText() {
        assertThat(store.search("demo-school", "principal", 50)).extracting(DirectoryUser::username)
                .containsExactly("paul.principal");
        assertThat(store.search("demo-school", null, 50)).extracting(DirectoryUser::username)
                .containsExactly("paul.principal", "sam.staff", "tara.teacher");
        assertThat(store.search("demo-school", " ", 2)).hasSize(2);
    }

    @Test
    void searchTextIsLiteralNotARegularExpression() {
        assertThat(store.search("demo-school", ".*", 50)).isEmpty();
        assertThat(store.search("demo-school", "m.s", 50)).extracting(DirectoryUser::username)
                .containsExactly("sam.staff");
    }

    @Test
    void deactivatedUsersAreNotFound() {
        assertThat(store.search("demo-school", "gone", 50)).isEmpty();
    }

    @Test
    void usernamesAreUnique() {
        assertThatThrownBy(() -> store.insert(new DirectoryUser(UUID.randomUUID().toString(), "x", "sam.staff", "S",
                "s@x", Set.of(Role.STAFF), true, null, 1, 0, Instant.now(), Actor.system("t"), "c")))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void unpublishedChangesAreFoundUntilMarked() {
        assertThat(store.findUnpublished()).hasSize(6);
        store.findUnpublished().forEach(u -> store.markPublished(u.userId(), u.version()));
        assertThat(store.findUnpublished()).isEmpty();

        DirectoryUser sam = store.findByUsername("sam.staff").orElseThrow();
        DirectoryUser changed = sam.changed(Set.of(Role.STAFF, Role.DSL), true, Instant.now(), Actor.system("t"), "c2");
        assertThat(store.replace(changed, sam.version())).isTrue();
        assertThat(store.replace(changed, sam.version())).as("a stale version loses").isFalse();
        assertThat(store.findUnpublished()).singleElement()
                .satisfies(u -> assertThat(u.version()).isEqualTo(2));

        store.markPublished(sam.userId(), 2);
        store.markPublished(sam.userId(), 1);
        assertThat(store.findById(sam.userId()).orElseThrow().publishedVersion()).isEqualTo(2);
    }

    private static DirectoryUser user(String school, String username, String name, boolean active) {
        return new DirectoryUser(DirectoryUser.idFor(school, username), school, username, name,
                username + "@" + school + ".example", Set.of(Role.STAFF), active, null, 1, 0, Instant.now(),
                Actor.system("test"), "c");
    }
}

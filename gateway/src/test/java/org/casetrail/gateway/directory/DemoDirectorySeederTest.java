package org.casetrail.gateway.directory;

import org.casetrail.contracts.Actor;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.directory.DirectoryUserChanged;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDirectorySeederTest {

    @Test
    void demoUsersHaveIdsDerivedFromSchoolAndUsername() {
        assertThat(DirectoryUser.idFor("demo-school", "dina.dsl"))
                .isEqualTo(UUID.nameUUIDFromBytes("demo-school/dina.dsl".getBytes(StandardCharsets.UTF_8)).toString())
                .isEqualTo(DirectoryUser.idFor("demo-school", "dina.dsl"));
        assertThat(DemoDirectorySeeder.DEMO_USERS).allSatisfy(demo -> assertThat(demo.userId())
                .isEqualTo(UUID.nameUUIDFromBytes((demo.schoolId() + "/" + demo.username())
                        .getBytes(StandardCharsets.UTF_8)).toString()));
    }

    @Test
    void seedsTheDemoSchoolOfTheApiContract() {
        assertThat(DemoDirectorySeeder.DEMO_USERS).extracting(DemoDirectorySeeder.DemoUser::username)
                .containsExactly("sam.staff", "tara.teacher", "dina.dsl", "hana.hr", "paul.principal",
                        "ivan.investigator", "gwen.governor", "aldo.auditor", "ada.admin", "olga.other", "oscar.admin");
        assertThat(DemoDirectorySeeder.DEMO_USERS).filteredOn(u -> u.username().equals("dina.dsl")).singleElement()
                .satisfies(dina -> {
                    assertThat(dina.roles()).containsExactlyInAnyOrder(Role.DSL, Role.STAFF);
                    assertThat(dina.email()).isEqualTo("dina.dsl@demo-school.example");
                    assertThat(dina.displayName()).isEqualTo("Dina DSL");
                });
        assertThat(DemoDirectorySeeder.DEMO_USERS).filteredOn(u -> u.schoolId().equals("other-school"))
                .extracting(DemoDirectorySeeder.DemoUser::username).containsExactly("olga.other", "oscar.admin");
        assertThat(DemoDirectorySeeder.DEMO_USERS).extracting(DemoDirectorySeeder.DemoUser::userId).doesNotHaveDuplicates();
    }

    @Test
    void envelopeIsStableForAVersion() {
        DirectoryUser user = new DirectoryUser(DirectoryUser.idFor("demo-school", "hana.hr"), "demo-school", "hana.hr",
                "Hana HR", "hana.hr@demo-school.example", Set.of(Role.HR, Role.STAFF), true, null, 3, 2,
                Instant.parse("2026-11-25T08:00:00Z"), Actor.system("directory"), "corr-1");

        EventEnvelope envelope = DirectoryEventPublisher.envelope(user);

        assertThat(envelope.eventId()).isEqualTo(UUID.nameUUIDFromBytes((user.userId() + ":3")
                .getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(envelope.eventType()).isEqualTo("DirectoryUserChanged");
        assertThat(envelope.schemaVersion()).isEqualTo(1);
        assertThat(envelope.aggregateType()).isEqualTo("User");
        assertThat(envelope.aggregateId()).isEqualTo(user.userId());
        assertThat(envelope.sequence()).isEqualTo(3);
        assertThat(envelope.schoolId()).isEqualTo("demo-school");
        assertThat(envelope.actor()).isEqualTo(Actor.system("directory"));
        assertThat(envelope.correlationId()).isEqualTo("corr-1");
        assertThat(IntegrationEvents.payloadOf(IntegrationEvents.fromJson(IntegrationEvents.toJson(envelope))))
                .contains(new DirectoryUserChanged(user.userId(), "demo-school", "hana.hr", "Hana HR",
                        "hana.hr@demo-school.example", Set.of(Role.HR, Role.STAFF), true));
    }
}

package org.casetrail.disclosures.caselinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetrail.contracts.Actor;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.cases.CaseOpenedFromDisclosure;
import org.casetrail.disclosures.relationship.api.CaseLinked;
import org.casetrail.platform.testing.EmbeddedStack;
import org.casetrail.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Linked both ways" on the embedded stack (domain.md, "Disclosures"): a prohibited declaration answers
 * with the id of the case its flag opens, and when case-service's CaseOpenedFromDisclosure arrives
 * (twice, as Kafka may deliver it) the disclosure names the case, once, for its declarer and the Principal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(kraft = true, partitions = 1)
class CaseLinkIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "disclosures-case-link-it", "${spring.embedded.kafka.brokers}");
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    EventStore eventStore;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String school = "school-" + UUID.randomUUID();
    private final String staff = "staff-" + UUID.randomUUID();
    private final String principal = "principal-" + UUID.randomUUID();

    @Test
    void theCaseOpenedFromAFlagIsLinkedOnceAndShownToTheDeclarerAndThePrincipal() throws Exception {
        HttpResponse<String> declared = post("/api/v1/disclosures", staff, Role.STAFF, """
                {"counterpartType":"STUDENT","counterpartName":"Sam Pupil","counterpartDateOfBirth":"%s",
                 "basis":"PERSONAL_FRIENDSHIP","platforms":["Instagram"],"description":"we message"}"""
                .formatted(LocalDate.now().minusYears(15)));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(declared.body());
        assertThat(answer.get("decision").asText()).isEqualTo("PROHIBITED");
        String disclosureId = answer.get("disclosureId").asText();
        String caseId = CaseOpenedFromDisclosure.caseIdFor(disclosureId, 1);
        assertThat(answer.get("caseId").asText()).isEqualTo(caseId);

        EventEnvelope opened = caseOpened(caseId, disclosureId);
        produce(opened);
        produce(opened); // redelivered

        JsonNode mine = awaitCaseId("/api/v1/disclosures/mine", staff, Role.STAFF, disclosureId);
        assertThat(mine.get("caseId").asText()).isEqualTo(caseId);
        JsonNode schools = awaitCaseId("/api/v1/disclosures", principal, Role.PRINCIPAL, disclosureId);
        assertThat(schools.get("caseId").asText()).isEqualTo(caseId);

        Thread.sleep(1_000); // let the redelivery through the consumer too
        long links = eventStore.readEvents(disclosureId).asStream()
                .filter(e -> e.getPayload() instanceof CaseLinked).count();
        assertThat(links).isEqualTo(1);
    }

    @Test
    void aDeclarationThatIsNotFlaggedAnswersWithoutACase() throws Exception {
        HttpResponse<String> declared = post("/api/v1/disclosures", staff, Role.STAFF, """
                {"counterpartType":"STAFF","counterpartName":"A Colleague","basis":"PERSONAL_FRIENDSHIP",
                 "platforms":["Instagram"],"description":"colleagues"}""");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        JsonNode caseId = JSON.readTree(declared.body()).get("caseId");
        assertThat(caseId == null || caseId.isNull()).isTrue();
    }

    private EventEnvelope caseOpened(String caseId, String disclosureId) {
        CaseOpenedFromDisclosure payload = new CaseOpenedFromDisclosure(caseId, "CT-2026-000007", disclosureId, 1,
                "P8", staff, Instant.now());
        return new EventEnvelope(UUID.randomUUID().toString(), "CaseOpenedFromDisclosure", 1, Instant.now(), school,
                "Case", caseId, 1, UUID.randomUUID().toString(), null, Actor.system("disclosures"),
                IntegrationEvents.toPayload(payload));
    }

    private void produce(EventEnvelope envelope) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, envelope.aggregateId(),
                    IntegrationEvents.toJson(envelope))).get();
        }
    }

    /** The disclosure as the list shows it, once it names a case. */
    private JsonNode awaitCaseId(String path, String user, Role role, String disclosureId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode found = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", "Bearer " + TestTokens.token(user, school, role)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            for (JsonNode item : JSON.readTree(response.body())) {
                if (disclosureId.equals(item.get("disclosureId").asText())) {
                    found = item;
                }
            }
            if (found != null && found.hasNonNull("caseId")) {
                return found;
            }
            Thread.sleep(200);
        }
        assertThat(found).as("%s lists %s", path, disclosureId).isNotNull();
        assertThat(found.get("caseId")).as("caseId of %s at %s", disclosureId, path).isNotNull();
        return found;
    }

    private HttpResponse<String> post(String path, String user, Role role, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestTokens.token(user, school, role))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}

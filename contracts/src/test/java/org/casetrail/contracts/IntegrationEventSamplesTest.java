package org.casetrail.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each published event has a committed sample. A change that drops or renames a field the sample
 * carries, or changes a field's type, makes the round trip differ and fails the build.
 */
class IntegrationEventSamplesTest {

    static Stream<Class<? extends IntegrationEvent>> events() {
        return IntegrationEvents.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventHasASampleThatRoundTripsUnchanged(Class<? extends IntegrationEvent> type) throws IOException {
        String name = IntegrationEvents.typeOf(type);
        JsonNode sample = readSample(name);

        EventEnvelope envelope = IntegrationEvents.fromJson(sample.toString());
        IntegrationEvent payload = IntegrationEvents.payloadOf(envelope).orElseThrow();
        EventEnvelope rewritten = new EventEnvelope(envelope.eventId(), envelope.eventType(), envelope.schemaVersion(),
                envelope.occurredAt(), envelope.schoolId(), envelope.aggregateType(), envelope.aggregateId(),
                envelope.sequence(), envelope.correlationId(), envelope.causationId(), envelope.actor(),
                IntegrationEvents.toPayload(payload));

        assertThat(payload).isInstanceOf(type);
        assertThat(envelope.schemaVersion()).isEqualTo(IntegrationEvents.versionOf(type));
        assertThat(IntegrationEvents.mapper().readTree(IntegrationEvents.toJson(rewritten))).isEqualTo(sample);
    }

    private static JsonNode readSample(String name) throws IOException {
        try (InputStream in = IntegrationEventSamplesTest.class.getResourceAsStream("/samples/" + name + ".json")) {
            assertThat(in).as("sample samples/%s.json", name).isNotNull();
            return IntegrationEvents.mapper().readTree(in);
        }
    }
}

package org.casetrail.cases.lifecycle.command;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots are written with the platform's storage serializer (Jackson, default typing); a case
 * restored from one must hold the same state as the case replayed from its events.
 */
class CaseSnapshotTest extends CaseFixtureSupport {

    @Test
    void aCaseRestoredFromItsSnapshotHasTheSameState() {
        Case replayed = new Case();
        replayed.on(conductReported());
        replayed.on(triaged(org.casetrail.cases.lifecycle.api.TriageRoute.INVESTIGATION));
        replayed.on(investigatorAssigned());
        replayed.on(findings(true, true));
        replayed.on(hearingScheduled(GOVERNOR));
        replayed.on(hearingHeld());
        replayed.on(outcomeDecided(NOW.minus(Duration.ofDays(1))));

        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()
                        .registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .defaultTyping().build();
        SerializedObject<byte[]> snapshot = serializer.serialize(replayed, byte[].class);
        Case restored = serializer.deserialize(snapshot);

        assertThat(restored).usingRecursiveComparison().isEqualTo(replayed);
        assertThat(restored.receipt()).isEqualTo(replayed.receipt());
    }
}

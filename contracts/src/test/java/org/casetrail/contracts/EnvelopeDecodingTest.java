package org.casetrail.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeDecodingTest {

    @Test
    void garbageIsRejectedAsMalformedNotSilentlyAccepted() {
        assertThatThrownBy(() -> IntegrationEvents.fromJson("{not json"))
                .isInstanceOf(IntegrationEvents.MalformedEnvelopeException.class);
    }

    @Test
    void anUnknownEventTypeHasNoPayloadClassSoConsumersCanSkipIt() {
        EventEnvelope envelope = IntegrationEvents.fromJson("""
                {"eventId":"e1","eventType":"SomethingNew","schemaVersion":1,"schoolId":"s","payload":{}}""");
        assertThat(IntegrationEvents.payloadOf(envelope)).isEmpty();
    }

    @Test
    void aProducerMayAddFieldsWithoutBreakingConsumers() {
        EventEnvelope envelope = IntegrationEvents.fromJson("""
                {"eventId":"e1","eventType":"CaseConcernReported","schemaVersion":1,"schoolId":"s","extra":1,
                 "payload":{"caseId":"c","category":"POLICY_QUERY","added":"later"}}""");
        assertThat(IntegrationEvents.payloadOf(envelope)).get()
                .extracting(p -> ((org.casetrail.contracts.cases.ConcernReported) p).caseId()).isEqualTo("c");
    }
}

package org.casetrail.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.casetrail.contracts.cases.ConcernReported;
import org.casetrail.contracts.directory.DirectoryUserChanged;
import org.casetrail.contracts.disclosures.DisclosureFlagged;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of integration events and their JSON form. One mapper, configured once, so that
 * producers and consumers can never disagree on dates or unknown fields.
 */
public final class IntegrationEvents {

    /** Every published integration event type. Adding one here is what makes it known. */
    public static final List<Class<? extends IntegrationEvent>> ALL = List.of(
            ConcernReported.class,
            org.casetrail.contracts.cases.CaseTriaged.class,
            org.casetrail.contracts.cases.InvestigatorAssigned.class,
            org.casetrail.contracts.cases.HearingScheduled.class,
            org.casetrail.contracts.cases.OutcomeDecided.class,
            org.casetrail.contracts.cases.AppealDecided.class,
            org.casetrail.contracts.cases.CaseClosed.class,
            org.casetrail.contracts.cases.ConcernWithdrawn.class,
            org.casetrail.contracts.cases.CaseReopened.class,
            org.casetrail.contracts.cases.TriageOverdue.class,
            org.casetrail.contracts.cases.PolicyQueryOverdue.class,
            org.casetrail.contracts.cases.InvestigationOverdue.class,
            org.casetrail.contracts.cases.SafeguardingEscalated.class,
            org.casetrail.contracts.cases.SafeguardingAcknowledged.class,
            org.casetrail.contracts.cases.CaseOpenedFromDisclosure.class,
            DirectoryUserChanged.class,
            DisclosureFlagged.class,
            org.casetrail.contracts.disclosures.DisclosureAwaitingReview.class,
            org.casetrail.contracts.disclosures.DisclosureReevaluated.class,
            org.casetrail.contracts.disclosures.DisclosureReconfirmationDue.class,
            org.casetrail.contracts.disclosures.DisclosureReconfirmationOverdue.class,
            org.casetrail.contracts.disclosures.ApproachesRepeated.class,
            org.casetrail.contracts.disclosures.PolicyVersionPublished.class,
            org.casetrail.contracts.disclosures.PolicyAcknowledgementDue.class,
            org.casetrail.contracts.audit.AuditDigestRecorded.class);

    private static final Map<String, Class<? extends IntegrationEvent>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(IntegrationEvents::typeOf, Function.identity()));

    // Consumers ignore fields they do not know so that a producer may add fields (api.md: add, never rename).
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private IntegrationEvents() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String typeOf(Class<? extends IntegrationEvent> type) {
        return annotation(type).value();
    }

    public static int versionOf(Class<? extends IntegrationEvent> type) {
        return annotation(type).version();
    }

    public static Optional<Class<? extends IntegrationEvent>> classOf(String eventType) {
        return Optional.ofNullable(BY_TYPE.get(eventType));
    }

    public static String toJson(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("envelope cannot be written as JSON", e);
        }
    }

    /** Reads an envelope; a malformed one is a poison message and fails loudly. */
    public static EventEnvelope fromJson(String json) {
        try {
            return MAPPER.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEnvelopeException("not a casetrail event envelope: " + e.getOriginalMessage(), e);
        }
    }

    /** The envelope's payload as its record type, or empty for a type this build does not know. */
    public static Optional<IntegrationEvent> payloadOf(EventEnvelope envelope) {
        return classOf(envelope.eventType()).map(type -> {
            try {
                return MAPPER.treeToValue(envelope.payload(), type);
            } catch (JsonProcessingException e) {
                throw new MalformedEnvelopeException(
                        "payload of " + envelope.eventType() + " " + envelope.eventId() + " is malformed: "
                                + e.getOriginalMessage(), e);
            }
        });
    }

    public static com.fasterxml.jackson.databind.JsonNode toPayload(IntegrationEvent event) {
        return MAPPER.valueToTree(event);
    }

    private static IntegrationEventType annotation(Class<? extends IntegrationEvent> type) {
        IntegrationEventType annotation = type.getAnnotation(IntegrationEventType.class);
        if (annotation == null) {
            throw new IllegalStateException(type.getName() + " lacks @IntegrationEventType");
        }
        return annotation;
    }

    /** An envelope or payload that can never be processed, however often it is retried. */
    public static final class MalformedEnvelopeException extends RuntimeException {
        public MalformedEnvelopeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

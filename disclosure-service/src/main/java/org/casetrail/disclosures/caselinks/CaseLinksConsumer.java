package org.casetrail.disclosures.caselinks;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.casetrail.contracts.Actor;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.cases.CaseOpenedFromDisclosure;
import org.casetrail.disclosures.relationship.api.LinkCase;
import org.casetrail.platform.axon.AuditMetadata;
import org.casetrail.platform.domain.NotFound;
import org.casetrail.platform.kafka.PoisonMessage;
import org.casetrail.platform.kafka.ProcessedEventLog;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * The other half of "linked both ways" (domain.md, "Disclosures"): when case-service has opened a
 * conduct case from a flag, the disclosure records it. Only {@code CaseOpenedFromDisclosure} is read
 * from the case topic; the processed-event log and the aggregate's own check make redeliveries harmless.
 */
@Component
class CaseLinksConsumer {

    static final String CONSUMER = "disclosure-case-links";
    static final Actor ACTOR = Actor.system("cases");

    private static final String EVENT_TYPE = IntegrationEvents.typeOf(CaseOpenedFromDisclosure.class);

    private final ProcessedEventLog processed;
    private final CommandGateway commands;

    CaseLinksConsumer(ProcessedEventLog processed, CommandGateway commands) {
        this.processed = processed;
        this.commands = commands;
    }

    @KafkaListener(topics = Topics.CASE_EVENTS, groupId = "disclosure-service")
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = IntegrationEvents.fromJson(record.value());
        if (!EVENT_TYPE.equals(envelope.eventType())) {
            return; // every other case event is none of disclosure-service's business
        }
        processed.handleOnce(CONSUMER, envelope, record.topic() + "@" + record.offset(), this::link);
    }

    private void link(EventEnvelope envelope) {
        CaseOpenedFromDisclosure opened = (CaseOpenedFromDisclosure) IntegrationEvents.payloadOf(envelope)
                .orElseThrow(() -> new PoisonMessage("unreadable " + EVENT_TYPE + " " + envelope.eventId()));
        if (opened.disclosureId() == null || opened.caseId() == null) {
            throw new PoisonMessage(EVENT_TYPE + " " + envelope.eventId() + " lacks disclosureId or caseId");
        }
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(AuditMetadata.ACTOR_ID, ACTOR.userId());
        metadata.put(AuditMetadata.ACTOR_ROLE, ACTOR.role());
        metadata.put(AuditMetadata.SCHOOL_ID, envelope.schoolId());
        metadata.put(AuditMetadata.CORRELATION_ID,
                envelope.correlationId() != null ? envelope.correlationId() : envelope.eventId());
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new LinkCase(opened.disclosureId(),
                    envelope.schoolId(), opened.version(), opened.caseId(), opened.reference()))
                    .andMetaData(MetaData.from(metadata)));
        } catch (AggregateNotFoundException | NotFound e) {
            // No such disclosure in that school: retrying cannot make one appear.
            throw new PoisonMessage("case " + opened.caseId() + " names disclosure " + opened.disclosureId()
                    + " unknown in school " + envelope.schoolId());
        }
    }
}

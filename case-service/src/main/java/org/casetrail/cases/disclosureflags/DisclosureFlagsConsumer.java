package org.casetrail.cases.disclosureflags;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.casetrail.cases.lifecycle.api.OpenCaseFromDisclosure;
import org.casetrail.contracts.Actor;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.cases.CaseOpenedFromDisclosure;
import org.casetrail.contracts.disclosures.DisclosureFlagged;
import org.casetrail.platform.axon.AuditMetadata;
import org.casetrail.platform.domain.DomainRuleViolation;
import org.casetrail.platform.kafka.PoisonMessage;
import org.casetrail.platform.kafka.ProcessedEventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a STAFF_CONDUCT case for each flagged disclosure (domain.md, "Disclosures"; P8, P10).
 * At-least-once from Kafka, exactly-once in effect: the processed-event log skips known event ids,
 * and the case id is derived from the disclosure version, so a redelivery that slips past the log
 * (a crash before marking) meets the case it opened and the aggregate does nothing.
 */
@Component
class DisclosureFlagsConsumer {

    static final String CONSUMER = "case-disclosure-flags";
    static final Actor ACTOR = Actor.system("disclosures");

    private static final Logger log = LoggerFactory.getLogger(DisclosureFlagsConsumer.class);

    private final ProcessedEventLog processed;
    private final CommandGateway commands;

    DisclosureFlagsConsumer(ProcessedEventLog processed, CommandGateway commands) {
        this.processed = processed;
        this.commands = commands;
    }

    @KafkaListener(topics = Topics.DISCLOSURE_EVENTS, groupId = "case-service")
    void on(ConsumerRecord<String, String> record) {
        processed.handleOnce(CONSUMER, IntegrationEvents.fromJson(record.value()), record.topic() + "@" + record.offset(),
                this::handle);
    }

    private void handle(EventEnvelope envelope) {
        Optional<IntegrationEvent> payload = IntegrationEvents.payloadOf(envelope);
        if (payload.isPresent() && payload.get() instanceof DisclosureFlagged flag) {
            try {
                commands.sendAndWait(commandFor(envelope, flag));
            } catch (DomainRuleViolation e) {
                // The flag itself is wrong (an unknown clause, no declarer): no retry can fix it.
                throw new PoisonMessage("DisclosureFlagged " + envelope.eventId() + " refused: " + e.getMessage());
            }
            log.info("case {} opened (or found) for disclosure {} version {}",
                    CaseOpenedFromDisclosure.caseIdFor(flag.disclosureId(), flag.version()), flag.disclosureId(),
                    flag.version());
        }
        // Other disclosure events are not case-service's business.
    }

    static CommandMessage<OpenCaseFromDisclosure> commandFor(EventEnvelope envelope, DisclosureFlagged flag) {
        if (flag.disclosureId() == null || flag.declarerId() == null || flag.clause() == null) {
            throw new PoisonMessage("DisclosureFlagged " + envelope.eventId() + " lacks disclosureId, declarerId or clause");
        }
        OpenCaseFromDisclosure command = new OpenCaseFromDisclosure(
                CaseOpenedFromDisclosure.caseIdFor(flag.disclosureId(), flag.version()), envelope.schoolId(),
                flag.disclosureId(), flag.version(), flag.declarerId(), flag.clause(),
                flag.reason() == null ? null : flag.reason().name(), ACTOR.userId());
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(AuditMetadata.ACTOR_ID, ACTOR.userId());
        metadata.put(AuditMetadata.ACTOR_ROLE, ACTOR.role());
        metadata.put(AuditMetadata.SCHOOL_ID, envelope.schoolId());
        metadata.put(AuditMetadata.CORRELATION_ID,
                envelope.correlationId() != null ? envelope.correlationId() : envelope.eventId());
        metadata.put(AuditMetadata.CAUSATION_ID, envelope.eventId());
        return GenericCommandMessage.<OpenCaseFromDisclosure>asCommandMessage(command)
                .andMetaData(MetaData.from(metadata));
    }
}

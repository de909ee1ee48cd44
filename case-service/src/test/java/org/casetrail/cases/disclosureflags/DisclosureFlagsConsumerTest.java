package org.casetrail.cases.disclosureflags;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.casetrail.cases.lifecycle.api.OpenCaseFromDisclosure;
import org.casetrail.contracts.Actor;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.cases.CaseOpenedFromDisclosure;
import org.casetrail.contracts.directory.DirectoryUserChanged;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureFlagged;
import org.casetrail.contracts.disclosures.DisclosureRule;
import org.casetrail.contracts.disclosures.FlagReason;
import org.casetrail.platform.axon.AuditMetadata;
import org.casetrail.platform.domain.DomainRuleViolation;
import org.casetrail.platform.kafka.PoisonMessage;
import org.casetrail.platform.kafka.ProcessedEventLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The consumer of disclosure flags, without Kafka: what it sends, what it skips, what it refuses for good. */
class DisclosureFlagsConsumerTest {

    private final ProcessedEventLog processed = mock(ProcessedEventLog.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final DisclosureFlagsConsumer consumer = new DisclosureFlagsConsumer(processed, commands);

    @BeforeEach
    void theLogKeepsItsOwnOrderOfChecks() {
        // Its skip-and-remember logic is the real one; only the Mongo reads and writes behind it are stubbed.
        doCallRealMethod().when(processed).handleOnce(any(), any(), any(), any());
    }

    private static final DisclosureFlagged FLAG = new DisclosureFlagged("d-1", 3, "u-declarer", CounterpartType.PARENT,
            DisclosureDecision.PROHIBITED, DisclosureRule.P10_PARENT_SOLELY_PROFESSIONAL, FlagReason.PROHIBITED, "P10",
            Instant.parse("2026-11-25T10:00:00Z"));

    @Test
    @SuppressWarnings("unchecked")
    void aFlagOpensTheCaseWithTheDerivedIdAsTheSystemAndIsRemembered() {
        consumer.on(record("e-1", FLAG));

        ArgumentCaptor<CommandMessage<OpenCaseFromDisclosure>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(sent.capture());
        OpenCaseFromDisclosure command = sent.getValue().getPayload();
        assertThat(command).isEqualTo(new OpenCaseFromDisclosure(CaseOpenedFromDisclosure.caseIdFor("d-1", 3),
                "school-a", "d-1", 3, "u-declarer", "P10", "PROHIBITED", "system:disclosures"));
        assertThat(sent.getValue().getMetaData()).containsEntry(AuditMetadata.ACTOR_ID, "system:disclosures")
                .containsEntry(AuditMetadata.ACTOR_ROLE, "SYSTEM").containsEntry(AuditMetadata.SCHOOL_ID, "school-a")
                .containsEntry(AuditMetadata.CORRELATION_ID, "corr-1");
        verify(processed).markProcessed(DisclosureFlagsConsumer.CONSUMER, "e-1");
    }

    @Test
    void anEventAlreadyProcessedIsSkipped() {
        when(processed.alreadyProcessed(DisclosureFlagsConsumer.CONSUMER, "e-1")).thenReturn(true);
        consumer.on(record("e-1", FLAG));
        verifyNoInteractions(commands);
    }

    @Test
    void otherEventsOnTheTopicOpenNothing() {
        consumer.on(record("e-2", new DirectoryUserChanged("u-1", "school-a", "alex", "Alex", "a@example.org",
                java.util.Set.of(), true)));
        verifyNoInteractions(commands);
    }

    @Test
    void aFlagTheCaseRefusesIsPoisonAndNotRemembered() {
        when(commands.sendAndWait(any(CommandMessage.class))).thenThrow(new DomainRuleViolation("UNKNOWN_BREACH_CLAUSE", "x"));
        assertThatThrownBy(() -> consumer.on(record("e-3", FLAG))).isInstanceOf(PoisonMessage.class);
        verify(processed, never()).markProcessed(any(), any());
    }

    private static ConsumerRecord<String, String> record(String eventId, IntegrationEvent payload) {
        EventEnvelope envelope = new EventEnvelope(eventId, IntegrationEvents.typeOf(payload.getClass()), 1,
                Instant.parse("2026-11-25T10:00:00Z"), "school-a", "RelationshipDisclosure", "d-1", 2, "corr-1", null,
                new Actor("u-declarer", "STAFF"), IntegrationEvents.toPayload(payload));
        return new ConsumerRecord<>(Topics.DISCLOSURE_EVENTS, 0, 0L, "d-1", IntegrationEvents.toJson(envelope));
    }
}

package org.casetrail.cases.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.casetrail.cases.lifecycle.api.AppealDecided;
import org.casetrail.cases.lifecycle.api.AppealDecision;
import org.casetrail.cases.lifecycle.api.AppealLodged;
import org.casetrail.cases.lifecycle.api.CaseClosed;
import org.casetrail.cases.lifecycle.api.CaseReopened;
import org.casetrail.cases.lifecycle.api.CaseResolution;
import org.casetrail.cases.lifecycle.api.CaseTriaged;
import org.casetrail.cases.lifecycle.api.ConcernReported;
import org.casetrail.cases.lifecycle.api.ConcernWithdrawn;
import org.casetrail.cases.lifecycle.api.DisciplinaryOutcome;
import org.casetrail.cases.lifecycle.api.FindingsRecorded;
import org.casetrail.cases.lifecycle.api.HearingScheduled;
import org.casetrail.cases.lifecycle.api.InformalAction;
import org.casetrail.cases.lifecycle.api.InformalActionTaken;
import org.casetrail.cases.lifecycle.api.InvestigationOverdue;
import org.casetrail.cases.lifecycle.api.InvestigatorAssigned;
import org.casetrail.cases.lifecycle.api.OutcomeDecided;
import org.casetrail.cases.lifecycle.api.PolicyQueryOverdue;
import org.casetrail.cases.lifecycle.api.SafeguardingAcknowledgementEscalated;
import org.casetrail.cases.lifecycle.api.Severity;
import org.casetrail.cases.lifecycle.api.Subject;
import org.casetrail.cases.lifecycle.api.SubjectType;
import org.casetrail.cases.lifecycle.api.TriageOverdue;
import org.casetrail.cases.lifecycle.api.TriageRoute;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.platform.axon.AuditMetadata;
import org.casetrail.platform.kafka.IntegrationEventPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher's mapping, without Spring or Kafka (the Kafka path is proven by ConcernIntakeIT): each
 * relevant domain event leaves as its integration event, keyed by the case, with the people to route
 * to taken from the case's earlier events, and never with any text a person wrote about the case.
 */
class CaseEventPublisherTest {

    private static final String CASE = "case-1";
    private static final String OTHER_CASE = "case-2";
    private static final String SCHOOL = "school-1";
    private static final String REPORTER = "reporter-1";
    private static final String SUBJECT = "subject-1";
    private static final String INVESTIGATOR = "investigator-1";
    private static final String DECIDER = "principal-1";
    private static final String APPEAL_DECIDER = "governor-1";
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    // Every free text below contains this marker; none of it may ever leave the service.
    private static final String CONTENT = "CONTENT-NOT-FOR-PUBLICATION";

    private final List<EventEnvelope> sent = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();
    private final List<DomainEventMessage<?>> store = new ArrayList<>();
    private CaseEventPublisher publisher;

    @BeforeEach
    void publisher() {
        IntegrationEventPublisher capturing = new IntegrationEventPublisher(null, Duration.ZERO) {
            @Override
            public void publish(String topic, EventEnvelope envelope) {
                topics.add(topic);
                sent.add(envelope);
            }
        };
        // The same fold the event-store history runs, over this test's stream.
        CaseHistory history = (caseId, sequence) -> {
            CaseFacts facts = CaseFacts.UNKNOWN;
            for (DomainEventMessage<?> message : store) {
                if (message.getAggregateIdentifier().equals(caseId) && message.getSequenceNumber() < sequence) {
                    facts = facts.with(message.getPayload());
                }
            }
            return facts;
        };
        publisher = new CaseEventPublisher(capturing, history);
    }

    @Test
    void eachRelevantDomainEventIsPublishedAsItsIntegrationEventKeyedByTheCase() {
        publishWholeLifecycle();

        assertThat(sent).extracting(EventEnvelope::eventType).containsExactly(
                "CaseConcernReported", "CaseTriaged", "CaseInvestigatorAssigned", "CaseHearingScheduled",
                "CaseOutcomeDecided", "CaseAppealDecided", "CaseReopened", "CaseTriaged", "CaseClosed",
                "CaseConcernReported", "CaseClosed", "CaseConcernWithdrawn");
        assertThat(topics).containsOnly(Topics.CASE_EVENTS);
        for (EventEnvelope envelope : sent) {
            assertThat(IntegrationEvents.classOf(envelope.eventType())).as(envelope.eventType()).isPresent();
            assertThat(envelope.payload().get("caseId").asText()).isEqualTo(envelope.aggregateId());
            assertThat(envelope.schoolId()).isEqualTo(SCHOOL);
            assertThat(envelope.schemaVersion()).isEqualTo(1);
        }
        // The envelope is the stored event's: same id (so consumers spot re-publishing) and same sequence.
        assertThat(sent.get(3).eventId()).isEqualTo(stored(CASE, 4).getIdentifier());
        assertThat(sent.get(3).sequence()).isEqualTo(4);
    }

    @Test
    void theInvestigatorAssignmentNamesTheInvestigatorAndTheSubjectToKeepOut() {
        publishWholeLifecycle();

        JsonNode assigned = payload("CaseInvestigatorAssigned", 0);
        assertThat(assigned.get("investigatorId").asText()).isEqualTo(INVESTIGATOR);
        assertThat(assigned.get("subjectUserId").asText()).isEqualTo(SUBJECT);
        assertThat(assigned.get("reference").asText()).isEqualTo("CT-2026-000001");
        assertThat(assigned.get("category").asText()).isEqualTo("STAFF_CONDUCT");
    }

    @Test
    void aFirstTriageHasNoInvestigatorYetAndATriageAfterReopeningKeepsTheAssignedOne() {
        publishWholeLifecycle();

        assertThat(payload("CaseTriaged", 0).get("investigatorId").isNull()).isTrue();
        assertThat(payload("CaseTriaged", 1).get("investigatorId").asText()).isEqualTo(INVESTIGATOR);
    }

    @Test
    void theHearingNoticeNamesTheSubjectTheDeciderAndTheDate() {
        publishWholeLifecycle();

        JsonNode hearing = payload("CaseHearingScheduled", 0);
        assertThat(hearing.get("subjectUserId").asText()).isEqualTo(SUBJECT);
        assertThat(hearing.get("decisionMakerId").asText()).isEqualTo(DECIDER);
        assertThat(hearing.get("investigatorId").asText()).isEqualTo(INVESTIGATOR);
        assertThat(hearing.get("scheduledFor").asText()).isEqualTo("2026-12-07T14:00:00Z");
        assertThat(hearing.get("companionAllowed").asBoolean()).isTrue();
    }

    @Test
    void outcomeAndAppealNameTheSubjectButNotTheDecision() {
        publishWholeLifecycle();

        JsonNode outcome = payload("CaseOutcomeDecided", 0);
        assertThat(outcome.get("subjectUserId").asText()).isEqualTo(SUBJECT);
        assertThat(outcome.get("decisionMakerId").asText()).isEqualTo(DECIDER);
        assertThat(outcome.has("outcome")).isFalse();
        JsonNode appeal = payload("CaseAppealDecided", 0);
        assertThat(appeal.get("subjectUserId").asText()).isEqualTo(SUBJECT);
        assertThat(appeal.get("reporterId").asText()).isEqualTo(REPORTER);
        assertThat(appeal.get("appealDeciderId").asText()).isEqualTo(APPEAL_DECIDER);
        assertThat(appeal.has("decision")).isFalse();
    }

    @Test
    void closingsNameTheReporterAndTheResolutionOnly() {
        publishWholeLifecycle();

        JsonNode closed = payload("CaseClosed", 0);
        assertThat(closed.get("reporterId").asText()).isEqualTo(REPORTER);
        assertThat(closed.get("resolution").asText()).isEqualTo("NO_FURTHER_ACTION");
        JsonNode informal = payload("CaseClosed", 1);
        assertThat(informal.get("resolution").asText()).isEqualTo("INFORMAL_ACTION");
        assertThat(informal.get("caseId").asText()).isEqualTo(OTHER_CASE);
        JsonNode withdrawn = payload("CaseConcernWithdrawn", 0);
        assertThat(withdrawn.get("reporterId").asText()).isEqualTo(REPORTER);
        JsonNode reopened = payload("CaseReopened", 0);
        assertThat(reopened.get("reporterId").asText()).isEqualTo(REPORTER);
    }

    @Test
    void noPayloadCarriesSummaryDetailsRationaleOrAnyOtherWrittenContent() {
        publishWholeLifecycle();

        for (EventEnvelope envelope : sent) {
            assertThat(IntegrationEvents.toJson(envelope)).as(envelope.eventType()).doesNotContain(CONTENT);
            Iterator<String> fields = envelope.payload().fieldNames();
            while (fields.hasNext()) {
                assertThat(fields.next()).as(envelope.eventType()).isNotIn("summary", "details", "rationale",
                        "reason", "grounds", "notes", "description", "findings", "outcome", "decision");
            }
        }
    }

    @Test
    void theFactsAreThoseBeforeTheEventNotLaterOnes() {
        publishWholeLifecycle();
        sent.clear();

        // Re-publishing the first triage after the whole stream is stored (a catching-up publisher)
        // must not name the investigator assigned afterwards.
        DomainEventMessage<?> firstTriage = stored(CASE, 1);
        publisher.on((CaseTriaged) firstTriage.getPayload(), cast(firstTriage));

        assertThat(sent.get(0).payload().get("investigatorId").isNull()).isTrue();
    }

    @Test
    void eachDeadlineEventIsPublishedUrgentlyRoutableWithTheSubjectToKeepOut() {
        publishDeadlines();

        assertThat(sent).extracting(EventEnvelope::eventType).containsExactly(
                "CaseConcernReported", "CaseSafeguardingEscalated", "CaseSafeguardingEscalated", "CaseTriageOverdue",
                "CaseTriaged", "CaseInvestigatorAssigned", "CaseInvestigationOverdue",
                "CaseConcernReported", "CasePolicyQueryOverdue");
        for (EventEnvelope envelope : sent) {
            assertThat(IntegrationEvents.classOf(envelope.eventType())).as(envelope.eventType()).isPresent();
            assertThat(envelope.payload().get("caseId").asText()).isEqualTo(envelope.aggregateId());
            assertThat(envelope.schoolId()).isEqualTo(SCHOOL);
        }
        JsonNode escalated = payload("CaseSafeguardingEscalated", 1);
        assertThat(escalated.get("level").asInt()).isEqualTo(2);
        assertThat(escalated.get("reference").asText()).isEqualTo("CT-2026-000003");
        assertThat(escalated.get("category").asText()).isEqualTo("STAFF_CONDUCT");
        assertThat(escalated.get("safeguarding").asBoolean()).isTrue();
        assertThat(escalated.get("subjectUserId").asText()).isEqualTo(SUBJECT);
        assertThat(escalated.get("dueAt").asText()).isEqualTo("2026-11-25T14:00:00Z");
        JsonNode triage = payload("CaseTriageOverdue", 0);
        assertThat(triage.get("subjectUserId").asText()).isEqualTo(SUBJECT);
        assertThat(triage.get("dueAt").asText()).isEqualTo("2026-11-27T10:00:00Z");
        JsonNode investigation = payload("CaseInvestigationOverdue", 0);
        assertThat(investigation.get("investigatorId").asText()).isEqualTo(INVESTIGATOR);
        assertThat(investigation.get("subjectUserId").asText()).isEqualTo(SUBJECT);
        JsonNode query = payload("CasePolicyQueryOverdue", 0);
        assertThat(query.get("category").asText()).isEqualTo("POLICY_QUERY");
        assertThat(query.get("reference").asText()).isEqualTo("CT-2026-000004");
        assertThat(query.get("subjectUserId").isNull()).isTrue();
        for (EventEnvelope envelope : sent) {
            assertThat(IntegrationEvents.toJson(envelope)).as(envelope.eventType()).doesNotContain(CONTENT);
        }
    }

    /** A conduct case with a safeguarding aspect that misses every clock, and a policy query left unanswered. */
    private void publishDeadlines() {
        String conduct = "case-3";
        String query = "case-4";
        publish(conduct, new ConcernReported(conduct, SCHOOL, "CT-2026-000003", REPORTER, CaseCategory.STAFF_CONDUCT,
                CONTENT, CONTENT, T, "web", new Subject(SubjectType.STAFF, SUBJECT, CONTENT), true, T));
        publish(conduct, new SafeguardingAcknowledgementEscalated(conduct, SCHOOL, 1, T.plus(Duration.ofHours(1)),
                T.plus(Duration.ofHours(1))));
        publish(conduct, new SafeguardingAcknowledgementEscalated(conduct, SCHOOL, 2, T.plus(Duration.ofHours(4)),
                T.plus(Duration.ofHours(4))));
        publish(conduct, new TriageOverdue(conduct, SCHOOL, T.plus(Duration.ofDays(2)), T.plus(Duration.ofDays(2))));
        publish(conduct, new CaseTriaged(conduct, SCHOOL, TriageRoute.INVESTIGATION, Severity.HIGH, CONTENT, DECIDER, T));
        publish(conduct, new InvestigatorAssigned(conduct, SCHOOL, INVESTIGATOR, DECIDER, T));
        publish(conduct, new InvestigationOverdue(conduct, SCHOOL, INVESTIGATOR, T.plus(Duration.ofDays(28)),
                T.plus(Duration.ofDays(28))));
        publish(query, new ConcernReported(query, SCHOOL, "CT-2026-000004", REPORTER, CaseCategory.POLICY_QUERY,
                CONTENT, CONTENT, T, null, null, false, T));
        publish(query, new PolicyQueryOverdue(query, SCHOOL, T.plus(Duration.ofDays(3)), T.plus(Duration.ofDays(3))));
    }

    private void publishWholeLifecycle() {
        publish(CASE, new ConcernReported(CASE, SCHOOL, "CT-2026-000001", REPORTER, CaseCategory.STAFF_CONDUCT,
                CONTENT + " summary", CONTENT + " details", T, "web", new Subject(SubjectType.STAFF, SUBJECT,
                CONTENT + " name"), false, T));
        publish(CASE, new CaseTriaged(CASE, SCHOOL, TriageRoute.INVESTIGATION, Severity.HIGH, CONTENT + " rationale",
                DECIDER, T));
        publish(CASE, new InvestigatorAssigned(CASE, SCHOOL, INVESTIGATOR, DECIDER, T));
        store(CASE, new FindingsRecorded(CASE, SCHOOL, true, List.of("4.2"), false, null, null, CONTENT + " findings",
                INVESTIGATOR, T));
        publish(CASE, new HearingScheduled(CASE, SCHOOL, Instant.parse("2026-12-07T14:00:00Z"), T, DECIDER, null, true,
                "hr-1", T));
        publish(CASE, new OutcomeDecided(CASE, SCHOOL, DisciplinaryOutcome.FIRST_WRITTEN_WARNING, CONTENT + " rationale",
                DECIDER, T, T.plus(Duration.ofDays(14))));
        store(CASE, new AppealLodged(CASE, SCHOOL, CONTENT + " grounds", APPEAL_DECIDER, SUBJECT, T));
        publish(CASE, new AppealDecided(CASE, SCHOOL, AppealDecision.UPHELD, null, CONTENT + " rationale",
                APPEAL_DECIDER, T));
        publish(CASE, new CaseReopened(CASE, SCHOOL, CONTENT + " reason", DECIDER, T));
        publish(CASE, new CaseTriaged(CASE, SCHOOL, TriageRoute.NO_FURTHER_ACTION, Severity.LOW, CONTENT + " rationale",
                DECIDER, T));
        publish(CASE, new CaseClosed(CASE, SCHOOL, CaseResolution.NO_FURTHER_ACTION, CONTENT + " rationale", DECIDER,
                T));

        publish(OTHER_CASE, new ConcernReported(OTHER_CASE, SCHOOL, "CT-2026-000002", REPORTER,
                CaseCategory.STAFF_CONDUCT, CONTENT, CONTENT, T, "web", new Subject(SubjectType.STAFF, SUBJECT, CONTENT),
                false, T));
        publish(OTHER_CASE, new InformalActionTaken(OTHER_CASE, SCHOOL, InformalAction.TRAINING,
                CONTENT + " description", DECIDER, T));
        publish(OTHER_CASE, new ConcernWithdrawn(OTHER_CASE, SCHOOL, CONTENT + " reason", REPORTER, T));
    }

    /** Stores the event, as the event store holds it before the publisher sees it, then hands it over. */
    private void publish(String caseId, Object payload) {
        store(caseId, payload);
        DomainEventMessage<?> message = store.get(store.size() - 1);
        if (payload instanceof ConcernReported event) {
            publisher.on(event, cast(message));
        } else if (payload instanceof CaseTriaged event) {
            publisher.on(event, cast(message));
        } else if (payload instanceof InvestigatorAssigned event) {
            publisher.on(event, cast(message));
        } else if (payload instanceof HearingScheduled event) {
            publisher.on(event, cast(message));
        } else if (payload instanceof OutcomeDecided event) {
            publisher.on(event, cast(message));
        } else if (payload instanceof AppealDecided event) {
            publisher.on(event, cast(message));
        } else if (payload instanceof CaseClosed event) {
            publisher.on(event, cast(message));
        } else if (payload instanceof InformalActionTaken event) {
            publisher.on(event, cast(message));
        } else if (payload instanceof ConcernWithdrawn event) {
            publisher.on(event, cast(message));
        } else if (payload instanceof CaseReopened event) {
            publisher.on(event, cast(message));
        } else if (payload instanceof TriageOverdue event) {
            publisher.on(event, cast(message));
        } else if (payload instanceof PolicyQueryOverdue event) {
            publisher.on(event, cast(message));
        } else if (payload instanceof InvestigationOverdue event) {
            publisher.on(event, cast(message));
        } else if (payload instanceof SafeguardingAcknowledgementEscalated event) {
            publisher.on(event, cast(message));
        } else {
            throw new IllegalArgumentException("no handler for " + payload.getClass());
        }
    }

    private void store(String caseId, Object payload) {
        long sequence = store.stream().filter(m -> m.getAggregateIdentifier().equals(caseId)).count();
        store.add(new GenericDomainEventMessage<>("Case", caseId, sequence, payload, Map.of(
                AuditMetadata.SCHOOL_ID, SCHOOL, AuditMetadata.ACTOR_ID, "actor", AuditMetadata.ACTOR_ROLE, "PRINCIPAL",
                AuditMetadata.CORRELATION_ID, "corr", AuditMetadata.CAUSATION_ID, "cause")));
    }

    private DomainEventMessage<?> stored(String caseId, long sequence) {
        return store.stream()
                .filter(m -> m.getAggregateIdentifier().equals(caseId) && m.getSequenceNumber() == sequence)
                .findFirst().orElseThrow();
    }

    private JsonNode payload(String eventType, int nth) {
        return sent.stream().filter(e -> e.eventType().equals(eventType)).skip(nth).findFirst().orElseThrow().payload();
    }

    @SuppressWarnings("unchecked")
    private static <T> DomainEventMessage<T> cast(DomainEventMessage<?> message) {
        return (DomainEventMessage<T>) message;
    }
}

package org.casetrail.cases.deadlines;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.casetrail.cases.lifecycle.api.*;
import org.casetrail.cases.lifecycle.command.WorkingDays;
import org.casetrail.contracts.cases.CaseCategory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * The schedule of the cases' deadlines (domain.md, "Deadlines"), derived from the stored events
 * alone: that is what makes it durable. An event that starts a clock upserts its document; an
 * event that stops clocks cancels those still pending that an earlier event started. Both are
 * idempotent and order-preserving, so a replay (after a crash, or a rebuild) leaves the same
 * schedule — and what the watch already reported stays DONE.
 */
@Component
@ProcessingGroup(DeadlinesProjection.GROUP)
class DeadlinesProjection {

    static final String GROUP = "deadlines";
    static final String COLLECTION = "case_deadlines";

    private static final Set<DeadlineKind> ACKNOWLEDGEMENT = EnumSet.of(DeadlineKind.ACKNOWLEDGEMENT_FIRST_ESCALATION,
            DeadlineKind.ACKNOWLEDGEMENT_SECOND_ESCALATION);
    private static final Set<DeadlineKind> ALL = EnumSet.allOf(DeadlineKind.class);

    private final MongoTemplate mongo;
    private final DeadlineProperties properties;
    private final ZoneId zone;

    /** The clock only for the schools' zone: due times come from the events' own times, never from now. */
    DeadlinesProjection(MongoTemplate mongo, DeadlineProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.zone = clock.getZone();
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("state", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("caseId", Sort.Direction.ASC));
    }

    @EventHandler
    void on(ConcernReported event, @SequenceNumber long sequence) {
        DeadlineProperties.SchoolDeadlines school = properties.of(event.schoolId());
        Instant at = event.submittedAt();
        if (event.safeguarding()) { // P6
            schedule(event.caseId(), event.schoolId(), DeadlineKind.ACKNOWLEDGEMENT_FIRST_ESCALATION, sequence, at,
                    at.plus(school.acknowledgementEscalation()));
            schedule(event.caseId(), event.schoolId(), DeadlineKind.ACKNOWLEDGEMENT_SECOND_ESCALATION, sequence, at,
                    at.plus(school.acknowledgementSecondEscalation()));
        }
        schedule(event.caseId(), event.schoolId(), DeadlineKind.TRIAGE, sequence, at, workingDays(at, school.triage()));
        if (event.category() == CaseCategory.POLICY_QUERY) {
            schedule(event.caseId(), event.schoolId(), DeadlineKind.POLICY_QUERY_ANSWER, sequence, at,
                    workingDays(at, school.policyQuery()));
        }
    }

    @EventHandler
    void on(SafeguardingAcknowledged event, @SequenceNumber long sequence) {
        cancel(event.caseId(), ACKNOWLEDGEMENT, sequence);
    }

    @EventHandler
    void on(CaseTriaged event, @SequenceNumber long sequence) {
        cancel(event.caseId(), EnumSet.of(DeadlineKind.TRIAGE, DeadlineKind.POLICY_QUERY_ANSWER), sequence);
    }

    @EventHandler
    void on(CaseReopened event, @SequenceNumber long sequence) {
        schedule(event.caseId(), event.schoolId(), DeadlineKind.TRIAGE, sequence, event.reopenedAt(),
                workingDays(event.reopenedAt(), properties.of(event.schoolId()).triage()));
    }

    /** P4: each assignment, a reassignment too, gives the investigator the full period. */
    @EventHandler
    void on(InvestigatorAssigned event, @SequenceNumber long sequence) {
        cancel(event.caseId(), EnumSet.of(DeadlineKind.INVESTIGATION), sequence);
        schedule(event.caseId(), event.schoolId(), DeadlineKind.INVESTIGATION, sequence, event.assignedAt(),
                workingDays(event.assignedAt(), properties.of(event.schoolId()).investigation()));
    }

    @EventHandler
    void on(FindingsRecorded event, @SequenceNumber long sequence) {
        cancel(event.caseId(), EnumSet.of(DeadlineKind.INVESTIGATION), sequence);
    }

    /** The case fixed the window's end when it decided the outcome. */
    @EventHandler
    void on(OutcomeDecided event, @SequenceNumber long sequence) {
        schedule(event.caseId(), event.schoolId(), DeadlineKind.APPEAL_WINDOW, sequence, event.decidedAt(),
                event.appealWindowClosesAt());
    }

    @EventHandler
    void on(AppealLodged event, @SequenceNumber long sequence) {
        cancel(event.caseId(), EnumSet.of(DeadlineKind.APPEAL_WINDOW), sequence);
    }

    @EventHandler
    void on(CaseClosed event, @SequenceNumber long sequence) {
        cancel(event.caseId(), ALL, sequence);
    }

    @EventHandler
    void on(ConcernWithdrawn event, @SequenceNumber long sequence) {
        cancel(event.caseId(), ALL, sequence);
    }

    @EventHandler
    void on(InformalActionTaken event, @SequenceNumber long sequence) {
        cancel(event.caseId(), ALL, sequence);
    }

    @EventHandler
    void on(AppealDecided event, @SequenceNumber long sequence) {
        cancel(event.caseId(), ALL, sequence);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }

    private Instant workingDays(Instant from, int days) {
        return WorkingDays.plus(from, days, zone);
    }

    /** Only inserts: a document already there (pending, done or cancelled) stays as it is. */
    private void schedule(String caseId, String schoolId, DeadlineKind kind, long sequence, Instant startedAt,
                          Instant dueAt) {
        if (dueAt == null) {
            return;
        }
        Update insert = new Update()
                .setOnInsert("caseId", caseId)
                .setOnInsert("schoolId", schoolId)
                .setOnInsert("kind", kind)
                .setOnInsert("startSequence", sequence)
                .setOnInsert("startedAt", startedAt)
                .setOnInsert("dueAt", dueAt)
                .setOnInsert("state", DeadlineState.PENDING);
        mongo.upsert(Query.query(Criteria.where("_id").is(CaseDeadlineDocument.idOf(caseId, kind, sequence))), insert,
                CaseDeadlineDocument.class, COLLECTION);
    }

    /** Stops the clocks an earlier event started; one started later (replayed after a rebuild) is left alone. */
    private void cancel(String caseId, Set<DeadlineKind> kinds, long sequence) {
        Query pending = Query.query(Criteria.where("caseId").is(caseId).and("kind").in(kinds)
                .and("state").is(DeadlineState.PENDING).and("startSequence").lt(sequence));
        mongo.updateMulti(pending, Update.update("state", DeadlineState.CANCELLED), CaseDeadlineDocument.class,
                COLLECTION);
    }
}

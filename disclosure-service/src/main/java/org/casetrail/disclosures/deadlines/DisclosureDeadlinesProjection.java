package org.casetrail.disclosures.deadlines;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.disclosures.relationship.api.CounterpartAges;
import org.casetrail.disclosures.relationship.api.DisclosureAmended;
import org.casetrail.disclosures.relationship.api.DisclosureDecided;
import org.casetrail.disclosures.relationship.api.DisclosureReconfirmed;
import org.casetrail.disclosures.relationship.api.RelationshipDeclared;
import org.casetrail.disclosures.relationship.api.RelationshipDetails;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The schedule of the disclosures' clocks, derived from the stored events alone: that is what makes
 * it durable. Documents are only ever inserted, under ids that name what they are for, so a replay
 * leaves the same schedule. Nothing is cancelled here: when a clock runs out the disclosure decides
 * whether it still applies (a newer version, a re-confirmation, a withdrawal make it moot).
 */
@Component
@ProcessingGroup(DisclosureDeadlinesProjection.GROUP)
class DisclosureDeadlinesProjection {

    static final String GROUP = "disclosure-deadlines";
    static final String COLLECTION = "disclosure_deadlines";

    private final MongoTemplate mongo;
    private final List<Integer> remindersDaysBefore;
    private final ZoneId zone;

    /** The clock only for the school's zone: due days come from the events, never from now. */
    DisclosureDeadlinesProjection(MongoTemplate mongo, DisclosureDeadlineProperties properties, Clock clock) {
        this.mongo = mongo;
        this.remindersDaysBefore = properties.reconfirmationRemindersDaysBefore();
        this.zone = clock.getZone();
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("state", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC));
    }

    @EventHandler
    void on(RelationshipDeclared event) {
        scheduleTurning18(event.disclosureId(), event.schoolId(), event.version(), event.details(), event.declaredAt());
    }

    @EventHandler
    void on(DisclosureAmended event) {
        scheduleTurning18(event.disclosureId(), event.schoolId(), event.version(), event.details(), event.amendedAt());
    }

    @EventHandler
    void on(DisclosureDecided event) {
        LocalDate dueOn = event.reconfirmationDueOn() != null ? event.reconfirmationDueOn()
                : event.decidedOn().plus(DisclosureReconfirmed.PERIOD);
        scheduleReconfirmation(event.disclosureId(), event.schoolId(), dueOn);
    }

    @EventHandler
    void on(DisclosureReconfirmed event) {
        scheduleReconfirmation(event.disclosureId(), event.schoolId(), event.nextDueOn());
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }

    /** Only while the counterpart is still under 18 on the day the version was stated. */
    private void scheduleTurning18(String disclosureId, String schoolId, int version, RelationshipDetails details,
                                   Instant statedAt) {
        boolean studentLike = details.counterpartType() == CounterpartType.STUDENT
                || details.counterpartType() == CounterpartType.EX_STUDENT;
        if (!studentLike || details.counterpartDateOfBirth() == null) {
            return;
        }
        LocalDate turns18 = CounterpartAges.turns18On(details.counterpartDateOfBirth());
        if (!turns18.isAfter(LocalDate.ofInstant(statedAt, zone))) {
            return;
        }
        insert(new DisclosureDeadlineDocument(DisclosureDeadlineDocument.turns18Id(disclosureId, version), disclosureId,
                schoolId, DisclosureDeadlineKind.COUNTERPART_TURNS_18, version, turns18, 0, startOf(turns18),
                DisclosureDeadlineState.PENDING));
    }

    /** The reminders before the due day, then the overdue report from the start of the day after it. */
    private void scheduleReconfirmation(String disclosureId, String schoolId, LocalDate dueOn) {
        for (int i = 0; i < remindersDaysBefore.size(); i++) {
            int reminder = i + 1;
            insert(new DisclosureDeadlineDocument(DisclosureDeadlineDocument.reminderId(disclosureId, dueOn, reminder),
                    disclosureId, schoolId, DisclosureDeadlineKind.RECONFIRMATION_REMINDER, 0, dueOn, reminder,
                    startOf(dueOn.minusDays(remindersDaysBefore.get(i))), DisclosureDeadlineState.PENDING));
        }
        insert(new DisclosureDeadlineDocument(DisclosureDeadlineDocument.overdueId(disclosureId, dueOn), disclosureId,
                schoolId, DisclosureDeadlineKind.RECONFIRMATION_OVERDUE, 0, dueOn, 0, startOf(dueOn.plusDays(1)),
                DisclosureDeadlineState.PENDING));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** A document already there (pending or done) stays as it is. */
    private void insert(DisclosureDeadlineDocument deadline) {
        Update insert = new Update()
                .setOnInsert("disclosureId", deadline.disclosureId())
                .setOnInsert("schoolId", deadline.schoolId())
                .setOnInsert("kind", deadline.kind())
                .setOnInsert("version", deadline.version())
                .setOnInsert("day", deadline.day())
                .setOnInsert("reminder", deadline.reminder())
                .setOnInsert("dueAt", deadline.dueAt())
                .setOnInsert("state", deadline.state());
        mongo.upsert(Query.query(Criteria.where("_id").is(deadline.id())), insert, DisclosureDeadlineDocument.class,
                COLLECTION);
    }
}

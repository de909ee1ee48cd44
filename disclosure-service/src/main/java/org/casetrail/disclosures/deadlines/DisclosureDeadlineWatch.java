package org.casetrail.disclosures.deadlines;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.casetrail.contracts.Actor;
import org.casetrail.disclosures.relationship.api.DisclosureReevaluated;
import org.casetrail.disclosures.relationship.api.ReevaluateDisclosure;
import org.casetrail.disclosures.relationship.api.RemindReconfirmation;
import org.casetrail.disclosures.relationship.api.ReportReconfirmationOverdue;
import org.casetrail.platform.axon.AuditMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sends the clocks that ran out to their disclosures, earliest first, then marks them DONE. The
 * disclosure decides whether a clock still applies and ignores one sent twice, so a crash between
 * the command and the mark only sends it again, to no effect. A clock the disclosure refuses (not yet
 * due by its own clock; a failure) stays PENDING for the next look.
 */
@Component
public class DisclosureDeadlineWatch {

    static final Actor ACTOR = Actor.system("deadlines");

    private static final Logger log = LoggerFactory.getLogger(DisclosureDeadlineWatch.class);

    private final MongoTemplate mongo;
    private final CommandGateway commands;
    private final Clock clock;
    private final int batchSize;

    DisclosureDeadlineWatch(MongoTemplate mongo, CommandGateway commands, Clock clock,
                            DisclosureDeadlineProperties properties) {
        this.mongo = mongo;
        this.commands = commands;
        this.clock = clock;
        this.batchSize = properties.watch().batchSize();
    }

    /** One look; returns how many clocks were sent (and marked DONE). */
    public int fireDue() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("state").is(DisclosureDeadlineState.PENDING).and("dueAt").lte(now))
                .with(Sort.by(Sort.Direction.ASC, "dueAt")).limit(batchSize);
        int fired = 0;
        for (DisclosureDeadlineDocument deadline : mongo.find(due, DisclosureDeadlineDocument.class,
                DisclosureDeadlinesProjection.COLLECTION)) {
            try {
                commands.sendAndWait(commandFor(deadline));
            } catch (RuntimeException e) {
                log.warn("disclosure deadline {} not sent, will retry: {}", deadline.id(), e.toString());
                continue;
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(deadline.id())),
                    Update.update("state", DisclosureDeadlineState.DONE), DisclosureDeadlineDocument.class,
                    DisclosureDeadlinesProjection.COLLECTION);
            fired++;
        }
        return fired;
    }

    /** The clocks of one disclosure (for tests and support; scans). */
    List<DisclosureDeadlineDocument> deadlinesOf(String disclosureId) {
        return mongo.find(Query.query(Criteria.where("disclosureId").is(disclosureId)), DisclosureDeadlineDocument.class,
                DisclosureDeadlinesProjection.COLLECTION);
    }

    /** No HTTP request to take the actor from: the deadlines component acts as the system. */
    private static CommandMessage<?> commandFor(DisclosureDeadlineDocument deadline) {
        Object command;
        switch (deadline.kind()) {
            case COUNTERPART_TURNS_18:
                command = new ReevaluateDisclosure(deadline.disclosureId(), deadline.schoolId(), deadline.version(),
                        DisclosureReevaluated.COUNTERPART_TURNED_18, deadline.day());
                break;
            case RECONFIRMATION_REMINDER:
                command = new RemindReconfirmation(deadline.disclosureId(), deadline.schoolId(), deadline.day(),
                        deadline.reminder());
                break;
            case RECONFIRMATION_OVERDUE:
            default:
                command = new ReportReconfirmationOverdue(deadline.disclosureId(), deadline.schoolId(), deadline.day());
                break;
        }
        return GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                AuditMetadata.ACTOR_ID, ACTOR.userId(),
                AuditMetadata.ACTOR_ROLE, ACTOR.role(),
                AuditMetadata.SCHOOL_ID, deadline.schoolId(),
                AuditMetadata.CORRELATION_ID, deadline.id())));
    }
}

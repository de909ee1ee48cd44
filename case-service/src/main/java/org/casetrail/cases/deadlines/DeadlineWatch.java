package org.casetrail.cases.deadlines;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.casetrail.cases.lifecycle.api.RecordDeadlineMissed;
import org.casetrail.contracts.Actor;
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
 * Reports the deadlines that ran out to their cases, earliest first, then marks them DONE. The case
 * decides whether a deadline still applies, so a crash between the command and the mark only sends
 * it again, to no effect. A deadline the case refuses (not yet due; a failure) stays PENDING for
 * the next look.
 */
@Component
public class DeadlineWatch {

    static final Actor ACTOR = Actor.system("deadlines");

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final MongoTemplate mongo;
    private final CommandGateway commands;
    private final Clock clock;
    private final int batchSize;

    DeadlineWatch(MongoTemplate mongo, CommandGateway commands, Clock clock, DeadlineProperties properties) {
        this.mongo = mongo;
        this.commands = commands;
        this.clock = clock;
        this.batchSize = properties.watch().batchSize();
    }

    /** One look; returns how many deadlines were reported (and marked DONE). */
    public int fireDue() {
        Instant now = clock.instant();
        // strictly before now: at the very instant a window closes it is still open (LodgeAppeal)
        Query due = Query.query(Criteria.where("state").is(DeadlineState.PENDING).and("dueAt").lt(now))
                .with(Sort.by(Sort.Direction.ASC, "dueAt")).limit(batchSize);
        int fired = 0;
        for (CaseDeadlineDocument deadline : mongo.find(due, CaseDeadlineDocument.class, DeadlinesProjection.COLLECTION)) {
            try {
                commands.sendAndWait(commandFor(deadline));
            } catch (RuntimeException e) {
                log.warn("deadline {} not reported, will retry: {}", deadline.id(), e.toString());
                continue;
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(deadline.id())),
                    Update.update("state", DeadlineState.DONE), CaseDeadlineDocument.class,
                    DeadlinesProjection.COLLECTION);
            fired++;
        }
        return fired;
    }

    /** No HTTP request to take the actor from: the deadlines component acts as the system. */
    private static CommandMessage<RecordDeadlineMissed> commandFor(CaseDeadlineDocument deadline) {
        RecordDeadlineMissed command = new RecordDeadlineMissed(deadline.caseId(), deadline.schoolId(), deadline.kind(),
                deadline.startedAt(), deadline.dueAt());
        return GenericCommandMessage.<RecordDeadlineMissed>asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                AuditMetadata.ACTOR_ID, ACTOR.userId(),
                AuditMetadata.ACTOR_ROLE, ACTOR.role(),
                AuditMetadata.SCHOOL_ID, deadline.schoolId(),
                AuditMetadata.CORRELATION_ID, deadline.id())));
    }

    List<CaseDeadlineDocument> deadlinesOf(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)), CaseDeadlineDocument.class,
                DeadlinesProjection.COLLECTION);
    }
}

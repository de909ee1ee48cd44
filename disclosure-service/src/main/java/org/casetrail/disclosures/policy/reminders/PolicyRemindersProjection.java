package org.casetrail.disclosures.policy.reminders;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.casetrail.disclosures.policy.api.PolicyVersionPublished;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The reminder rounds of each published version, from the stored events alone (durable). Only ever
 * inserted under ids naming the round, so a replay leaves the same schedule.
 */
@Component
@ProcessingGroup(PolicyRemindersProjection.GROUP)
class PolicyRemindersProjection {

    static final String GROUP = "policy-reminders";
    static final String COLLECTION = "policy_reminders";

    private final MongoTemplate mongo;
    private final List<Integer> daysAfterEffective;
    private final ZoneId zone;

    PolicyRemindersProjection(MongoTemplate mongo, PolicyReminderProperties properties, Clock clock) {
        this.mongo = mongo;
        this.daysAfterEffective = properties.daysAfterEffective();
        this.zone = clock.getZone();
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("state", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC));
    }

    @EventHandler
    void on(PolicyVersionPublished event) {
        LocalDate published = LocalDate.ofInstant(event.publishedAt(), zone);
        LocalDate from = event.effectiveFrom().isAfter(published) ? event.effectiveFrom() : published;
        for (int i = 0; i < daysAfterEffective.size(); i++) {
            int round = i + 1;
            Update insert = new Update()
                    .setOnInsert("policyVersionId", event.policyVersionId())
                    .setOnInsert("schoolId", event.schoolId())
                    .setOnInsert("version", event.version())
                    .setOnInsert("round", round)
                    .setOnInsert("dueAt", from.plusDays(daysAfterEffective.get(i)).atStartOfDay(zone).toInstant())
                    .setOnInsert("state", PolicyReminderDocument.PENDING);
            mongo.upsert(Query.query(Criteria.where("_id").is(PolicyReminderDocument.idOf(event.policyVersionId(), round))),
                    insert, PolicyReminderDocument.class, COLLECTION);
        }
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }
}

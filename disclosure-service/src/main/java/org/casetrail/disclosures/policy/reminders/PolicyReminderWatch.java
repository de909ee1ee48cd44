package org.casetrail.disclosures.policy.reminders;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.casetrail.contracts.Actor;
import org.casetrail.disclosures.directory.DirectoryCopy;
import org.casetrail.disclosures.policy.api.FindSchoolPolicyVersions;
import org.casetrail.disclosures.policy.api.PolicyVersionSummary;
import org.casetrail.disclosures.policy.api.RemindPolicyAcknowledgement;
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
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the reminder rounds that are due: every active staff member of the school (local directory
 * copy) who has not acknowledged the version is reminded, if the version is still the school's current
 * one (a newer version in effect has its own rounds). The version itself skips whoever acknowledged
 * or was already reminded in that round, so a round that is run again reminds nobody twice.
 */
@Component
public class PolicyReminderWatch {

    static final Actor ACTOR = Actor.system("deadlines");

    private static final Logger log = LoggerFactory.getLogger(PolicyReminderWatch.class);

    private final MongoTemplate mongo;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final DirectoryCopy directory;
    private final Clock clock;
    private final int batchSize;

    PolicyReminderWatch(MongoTemplate mongo, CommandGateway commands, QueryGateway queries, DirectoryCopy directory,
                        Clock clock, PolicyReminderProperties properties) {
        this.mongo = mongo;
        this.commands = commands;
        this.queries = queries;
        this.directory = directory;
        this.clock = clock;
        this.batchSize = properties.batchSize();
    }

    /** One look; returns how many staff members were sent a reminder command. */
    public int fireDue() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("state").is(PolicyReminderDocument.PENDING).and("dueAt").lte(now))
                .with(Sort.by(Sort.Direction.ASC, "dueAt")).limit(batchSize);
        int sent = 0;
        for (PolicyReminderDocument round : mongo.find(due, PolicyReminderDocument.class,
                PolicyRemindersProjection.COLLECTION)) {
            try {
                sent += run(round);
            } catch (RuntimeException e) {
                log.warn("policy reminder round {} not completed, will retry: {}", round.id(), e.toString());
                continue;
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(round.id())),
                    Update.update("state", PolicyReminderDocument.DONE), PolicyReminderDocument.class,
                    PolicyRemindersProjection.COLLECTION);
        }
        return sent;
    }

    private int run(PolicyReminderDocument round) {
        LocalDate today = LocalDate.now(clock);
        List<PolicyVersionSummary> versions = queries.query(new FindSchoolPolicyVersions(round.schoolId()),
                ResponseTypes.multipleInstancesOf(PolicyVersionSummary.class)).join();
        Optional<PolicyVersionSummary> current = versions.stream()
                .filter(v -> !v.effectiveFrom().isAfter(today)).findFirst();
        if (current.isEmpty() || !current.get().version().equals(round.version())) {
            return 0; // superseded (or not yet visible in the read model: see the version's own check)
        }
        Set<String> acknowledged = new HashSet<>(current.get().acknowledgedBy());
        int sent = 0;
        for (DirectoryCopy.DirectoryEntry staff : directory.staffOf(round.schoolId())) {
            if (acknowledged.contains(staff.id())) {
                continue;
            }
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RemindPolicyAcknowledgement(
                    round.policyVersionId(), round.schoolId(), staff.id(), round.round())).andMetaData(MetaData.from(Map.of(
                    AuditMetadata.ACTOR_ID, ACTOR.userId(),
                    AuditMetadata.ACTOR_ROLE, ACTOR.role(),
                    AuditMetadata.SCHOOL_ID, round.schoolId(),
                    AuditMetadata.CORRELATION_ID, round.id()))));
            sent++;
        }
        return sent;
    }
}

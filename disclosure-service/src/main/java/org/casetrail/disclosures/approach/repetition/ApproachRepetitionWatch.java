package org.casetrail.disclosures.approach.repetition;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.casetrail.disclosures.approach.api.ApproachRecorded;
import org.casetrail.disclosures.approach.api.NoteRepeatedApproaches;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Groups approaches by counterpart (one tracking processor, so one approach at a time) and, when one
 * completes a run (domain.md: three or more within 90 days), tells its {@code ApproachRecord}, whose
 * event the outbox publishes for the DSL. Adding an approach already in the group changes nothing and
 * the record notes a run once, so a redelivery after a crash is harmless. Not replayed on a rebuild:
 * it sends commands.
 */
@Component
@ProcessingGroup(ApproachRepetitionWatch.GROUP)
@DisallowReplay
class ApproachRepetitionWatch {

    static final String GROUP = "approach-repetition";
    static final String COLLECTION = "approach_counterparts";

    private final MongoTemplate mongo;
    private final CommandGateway commands;
    private final ApproachRepetitionProperties properties;
    private final ZoneId zone;

    ApproachRepetitionWatch(MongoTemplate mongo, CommandGateway commands, ApproachRepetitionProperties properties,
                            Clock clock) {
        this.mongo = mongo;
        this.commands = commands;
        this.properties = properties;
        this.zone = clock.getZone();
    }

    /** The command carries the recording's metadata (recorder, school, correlation): the run is a consequence of it. */
    @EventHandler
    void on(ApproachRecorded event, EventMessage<ApproachRecorded> message) {
        String key = CounterpartKey.of(event.schoolId(), event.counterpartType(), event.counterpartName());
        CounterpartApproachesDocument known = mongo.findById(key, CounterpartApproachesDocument.class, COLLECTION);
        List<ApproachWindow.Approach> approaches = new ArrayList<>(known == null ? List.of() : known.approaches());
        ApproachWindow.Approach latest = new ApproachWindow.Approach(event.approachId(), event.occurredAt());
        if (approaches.stream().noneMatch(a -> a.approachId().equals(event.approachId()))) {
            approaches.add(latest);
            mongo.save(new CounterpartApproachesDocument(key, event.schoolId(), approaches), COLLECTION);
        }
        Optional<ApproachWindow.Run> run = ApproachWindow.runOf(latest, approaches, properties.threshold(),
                properties.windowDays(), zone);
        run.ifPresent(r -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(new NoteRepeatedApproaches(
                        event.approachId(), event.schoolId(), r.approaches(), properties.windowDays(),
                        r.firstOccurredAt(), r.lastOccurredAt()))
                .andMetaData(message.getMetaData())));
    }
}

package org.casetrail.cases.lifecycle.command;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.casetrail.platform.axon.AxonMongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

@Configuration
class CaseCommandConfiguration {

    /** Loading a case stays fast however long its history (architecture.md). */
    @Bean
    SnapshotTriggerDefinition caseSnapshotTrigger(Snapshotter snapshotter, AxonMongoProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /** In the school's zone, so that a report made on New Year's Eve evening gets the old year's reference. */
    @Bean
    Clock clock(CaseProperties properties) {
        return Clock.system(ZoneId.of(properties.zone()));
    }
}

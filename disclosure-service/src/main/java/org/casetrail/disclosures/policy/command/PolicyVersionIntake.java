package org.casetrail.disclosures.policy.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.casetrail.disclosures.policy.api.PublishPolicyVersion;
import org.casetrail.platform.domain.StateConflict;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Publishes a version once per school: a second publication of the same version is refused rather
 * than failing on the event store's duplicate key. A handler of its own because an aggregate's
 * constructor cannot look for an earlier instance of itself.
 */
@Component
class PolicyVersionIntake {

    private final Repository<PolicyVersion> versions;
    private final Clock clock;

    PolicyVersionIntake(Repository<PolicyVersion> versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    @CommandHandler
    String handle(PublishPolicyVersion command) throws Exception {
        try {
            versions.load(command.policyVersionId());
        } catch (AggregateNotFoundException notYet) {
            versions.newInstance(() -> new PolicyVersion(command, clock));
            return command.version();
        }
        throw new StateConflict("PUBLISHED",
                "version " + command.version() + " is already published; publish a new version instead");
    }
}

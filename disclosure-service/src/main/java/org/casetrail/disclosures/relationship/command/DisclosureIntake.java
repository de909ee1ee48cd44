package org.casetrail.disclosures.relationship.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.casetrail.disclosures.relationship.api.DeclareRelationship;
import org.casetrail.disclosures.relationship.api.DisclosureReceipt;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Opens a disclosure and answers with the decision. A handler of its own because an aggregate's
 * constructor handler can only answer with the new id.
 */
@Component
class DisclosureIntake {

    private final Repository<RelationshipDisclosure> disclosures;
    private final Clock clock;

    DisclosureIntake(Repository<RelationshipDisclosure> disclosures, Clock clock) {
        this.disclosures = disclosures;
        this.clock = clock;
    }

    @CommandHandler
    DisclosureReceipt handle(DeclareRelationship command) throws Exception {
        return disclosures.newInstance(() -> new RelationshipDisclosure(command, clock))
                .invoke(RelationshipDisclosure::receipt);
    }
}

package org.casetrail.cases.lifecycle.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.casetrail.cases.lifecycle.api.ConcernReceipt;
import org.casetrail.cases.lifecycle.api.ReportConcern;
import org.casetrail.cases.reference.CaseReferences;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Opens a case for a reported concern and answers with its reference. A handler of its own because
 * an aggregate's constructor handler can only answer with the new id.
 */
@Component
class ConcernIntake {

    private final Repository<Case> cases;
    private final CaseReferences references;
    private final Clock clock;

    ConcernIntake(Repository<Case> cases, CaseReferences references, Clock clock) {
        this.cases = cases;
        this.references = references;
        this.clock = clock;
    }

    @CommandHandler
    ConcernReceipt handle(ReportConcern command) throws Exception {
        return cases.newInstance(() -> new Case(command, references, clock)).invoke(Case::receipt);
    }
}

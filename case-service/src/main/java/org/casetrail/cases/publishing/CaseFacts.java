package org.casetrail.cases.publishing;

import org.casetrail.cases.lifecycle.api.AppealLodged;
import org.casetrail.cases.lifecycle.api.ConcernReported;
import org.casetrail.cases.lifecycle.api.HearingScheduled;
import org.casetrail.cases.lifecycle.api.InvestigatorAssigned;
import org.casetrail.contracts.cases.CaseCategory;

/**
 * What the published events need to know about a case that the domain event at hand does not carry
 * (the reference, the people to route to), as it stood before that event. Never any content: no
 * summary, details, rationale or findings are kept here.
 */
record CaseFacts(String reference, CaseCategory category, boolean safeguarding, String reporterId,
                 String subjectUserId, String investigatorId, String decisionMakerId, String appealDeciderId) {

    static final CaseFacts UNKNOWN = new CaseFacts(null, null, false, null, null, null, null, null);

    /** The facts after one more domain event of the case's stream; other events change nothing here. */
    CaseFacts with(Object event) {
        if (event instanceof ConcernReported reported) {
            return new CaseFacts(reported.reference(), reported.category(), reported.safeguarding(),
                    reported.reporterId(), reported.subject() == null ? null : reported.subject().userId(),
                    investigatorId, decisionMakerId, appealDeciderId);
        }
        if (event instanceof InvestigatorAssigned assigned) {
            return new CaseFacts(reference, category, safeguarding, reporterId, subjectUserId,
                    assigned.investigatorId(), decisionMakerId, appealDeciderId);
        }
        if (event instanceof HearingScheduled hearing) {
            return new CaseFacts(reference, category, safeguarding, reporterId, subjectUserId, investigatorId,
                    hearing.decisionMakerId(), appealDeciderId);
        }
        if (event instanceof AppealLodged appeal) {
            return new CaseFacts(reference, category, safeguarding, reporterId, subjectUserId, investigatorId,
                    decisionMakerId, appeal.appealDeciderId());
        }
        return this;
    }
}

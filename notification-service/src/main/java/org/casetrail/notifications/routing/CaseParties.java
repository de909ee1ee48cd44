package org.casetrail.notifications.routing;

/**
 * The case (or disclosure) and the people an event names, as routing needs them: never what it is about.
 *
 * @param subjectMayBeTold whether the event is the hearing notice or later, the only events that may
 *                         reach the subject (domain.md: the subject is never told before the notice)
 * @param disclosureId     the disclosure a disclosure-topic event is about, else null
 * @param addresseeId      the one person a disclosure-topic event is for (the declarer reminded to
 *                         re-confirm, the staff member reminded to acknowledge the policy), else null
 */
public record CaseParties(String caseId, String reference, String reporterId, String subjectUserId,
                          String investigatorId, boolean subjectMayBeTold, String disclosureId, String addresseeId) {

    public CaseParties(String caseId, String reference, String reporterId, String subjectUserId,
                       String investigatorId, boolean subjectMayBeTold) {
        this(caseId, reference, reporterId, subjectUserId, investigatorId, subjectMayBeTold, null, null);
    }

    /** Parties of a disclosure-topic event: no case, no subject. */
    public static CaseParties ofDisclosure(String disclosureId, String reference, String addresseeId) {
        return new CaseParties(null, reference, null, null, null, false, disclosureId, addresseeId);
    }
}

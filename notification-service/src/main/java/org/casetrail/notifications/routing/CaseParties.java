package org.casetrail.notifications.routing;

/**
 * The case and the people a case event names, as routing needs them: never what the case is about.
 *
 * @param subjectMayBeTold whether the event is the hearing notice or later, the only events that may
 *                         reach the subject (domain.md: the subject is never told before the notice)
 */
public record CaseParties(String caseId, String reference, String reporterId, String subjectUserId,
                          String investigatorId, boolean subjectMayBeTold) {
}

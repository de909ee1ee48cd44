package org.casetrail.notifications.intake;

/**
 * Nobody in the school holds the roles a route names. Usually the directory copy has not caught up
 * yet (retried with backoff); if it persists, the event goes to the dead-letter topic where an
 * operator sees that the school lacks, say, a DSL.
 */
class RecipientsUnresolved extends RuntimeException {

    RecipientsUnresolved(String message) {
        super(message);
    }
}

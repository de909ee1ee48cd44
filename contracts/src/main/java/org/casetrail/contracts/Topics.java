package org.casetrail.contracts;

/** Kafka topic names: the only channels between services. Each has a {@code .dlt} twin. */
public final class Topics {

    public static final String CASE_EVENTS = "casetrail.case.events.v1";
    public static final String DISCLOSURE_EVENTS = "casetrail.disclosure.events.v1";
    public static final String AUDIT_DIGESTS = "casetrail.audit.digests.v1";
    /** Compacted: the latest state of each directory user, keyed by user id. */
    public static final String DIRECTORY_EVENTS = "casetrail.directory.events.v1";

    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}

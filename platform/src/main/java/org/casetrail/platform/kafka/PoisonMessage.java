package org.casetrail.platform.kafka;

/** A record that no retry can fix (unknown school, impossible content): straight to the dead-letter topic. */
public class PoisonMessage extends RuntimeException {

    public PoisonMessage(String message) {
        super(message);
    }
}

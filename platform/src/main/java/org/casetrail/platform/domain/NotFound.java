package org.casetrail.platform.domain;

/**
 * The object does not exist, or the caller may not know that it does (another school's object,
 * a case whose subject is the caller). Both answer 404 so that existence is never revealed.
 */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " not found");
    }
}

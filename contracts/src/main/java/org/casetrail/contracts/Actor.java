package org.casetrail.contracts;

/** Who caused an event: the directory user id and the role they acted in. */
public record Actor(String userId, String role) {

    /** The actor for work the system does on its own (deadlines, consumers). */
    public static Actor system(String component) {
        return new Actor("system:" + component, "SYSTEM");
    }
}

package org.casetrail.platform.domain;

/** The aggregate's current state does not allow the command. Answered with 409 naming the state. */
public class StateConflict extends RuntimeException {

    private final String state;

    public StateConflict(String state, String message) {
        super(message);
        this.state = state;
    }

    public String state() {
        return state;
    }
}

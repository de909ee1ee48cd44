package org.casetrail.devstack;

/**
 * A failure the user can act on. The launcher prints only the message (no stack trace) and
 * exits with {@link #exitCode()}.
 */
public class DevstackException extends RuntimeException {

    /** Bad environment (port taken, jar missing): nothing was started. */
    public static final int PRECONDITION_FAILED = 2;
    /** Something started but did not become healthy, or died. */
    public static final int RUNTIME_FAILURE = 1;

    private final int exitCode;

    public DevstackException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public DevstackException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}

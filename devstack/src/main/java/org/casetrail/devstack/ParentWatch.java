package org.casetrail.devstack;

/**
 * Makes a child (Mongo or Kafka) exit when the launcher that started it dies, even by
 * kill -9, so no orphaned broker keeps holding ports and files. System.exit runs the
 * child's shutdown hooks, so the exit is still orderly.
 */
final class ParentWatch {

    private ParentWatch() {
    }

    static void exitWhenDead(long parentPid) {
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> {
                    System.err.println("casetrail: parent process " + parentPid + " is gone, exiting");
                    System.exit(0);
                }),
                () -> {
                    System.err.println("casetrail: parent process " + parentPid + " does not exist, exiting");
                    System.exit(0);
                });
    }

    /**
     * Reads {@code --parent-pid <pid>} from the arguments, if present. A child of the launcher also
     * ignores SIGINT: Ctrl-C in a terminal signals the whole process group at once, which would stop
     * Kafka and Mongo while the services are still flushing to them. The launcher's shutdown hook
     * stops them afterwards, in order, with SIGTERM.
     */
    static void fromArgs(Args args) {
        String pid = args.optional("--parent-pid");
        if (pid != null) {
            ignoreTerminalInterrupt();
            exitWhenDead(Long.parseLong(pid));
        }
    }

    @SuppressWarnings("restriction")
    private static void ignoreTerminalInterrupt() {
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
    }
}

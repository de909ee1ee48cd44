package org.casetrail.devstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Services started for a data directory carry a marker on their command line. If the launcher was
 * killed with -9, they outlive it (a Spring Boot jar cannot watch its parent the way the Mongo and
 * Kafka children do); the next start on the same data directory finds them by the marker and stops
 * them, instead of failing on the ports they still hold.
 */
final class Leftovers {

    private static final String MARKER = "-Dcasetrail.devstack.data-dir=";
    private static final Duration GRACE = Duration.ofSeconds(20);

    private Leftovers() {
    }

    static String marker(Path dataDir) {
        return MARKER + dataDir.toAbsolutePath().normalize();
    }

    static void stop(Path dataDir, PrintStream out) {
        String marker = marker(dataDir);
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info().commandLine().map(line -> line.contains(marker + " ")).orElse(false))
                .toList();
        for (ProcessHandle process : leftovers) {
            out.println("casetrail: stopping a service left running by an earlier run on this data directory (pid "
                    + process.pid() + ")");
            process.destroy();
        }
        for (ProcessHandle process : leftovers) {
            try {
                process.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
    }
}

package org.casetrail.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A service orphaned by a kill -9 of the launcher is stopped by the next start on the same data dir only. */
class LeftoversTest {

    @Test
    void stopsWhatWasStartedForThisDataDirectoryAndNothingElse(@TempDir Path mine, @TempDir Path other) throws Exception {
        Process orphan = sleeper(mine);
        Process stranger = sleeper(other);
        try {
            ByteArrayOutputStream said = new ByteArrayOutputStream();
            Leftovers.stop(mine, new PrintStream(said));

            assertThat(orphan.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(stranger.isAlive()).isTrue();
            assertThat(said.toString()).contains("pid " + orphan.pid());
        } finally {
            orphan.destroyForcibly();
            stranger.destroyForcibly();
        }
    }

    private static Process sleeper(Path dataDir) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                Leftovers.marker(dataDir), "-cp", System.getProperty("java.class.path"), Sleeper.class.getName())
                .redirectErrorStream(true).start();
        return process;
    }

    /** Stands in for a service JVM. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(300_000);
        }
    }
}

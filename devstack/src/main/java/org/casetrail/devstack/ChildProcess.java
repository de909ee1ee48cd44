package org.casetrail.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** One component's OS process, its output appended to {@code <dataDir>/logs/<component>.log}. */
final class ChildProcess {

    private final Component component;
    private final Process process;
    private final Path log;
    /** Set before we stop or kill it on purpose, so only surprising deaths are reported. */
    private volatile boolean exitExpected;

    private ChildProcess(Component component, Process process, Path log) {
        this.component = component;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(Component component, List<String> command, Map<String, String> env, Path log,
                              Consumer<ChildProcess> onUnexpectedExit) {
        try {
            Files.createDirectories(log.getParent());
            // A marker line: the log is appended across restarts, and kill -9 tests restart a lot.
            Files.writeString(log, "==== casetrail: starting " + component.displayName() + " at " + Instant.now()
                            + "\n==== " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(env);
            ChildProcess child = new ChildProcess(component, builder.start(), log);
            child.process.onExit().thenRun(() -> {
                if (!child.exitExpected) {
                    onUnexpectedExit.accept(child);
                }
            });
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + component.displayName(), e);
        }
    }

    Component component() {
        return component;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
    void terminate(Duration grace) {
        exitExpected = true;
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL and wait until the OS has reaped it (its ports and file locks are free then). */
    void kill9() {
        exitExpected = true;
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the log, for error messages. */
    String tail(int lines) {
        Deque<String> last = new ArrayDeque<>(lines);
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
        return String.join("\n", last);
    }
}

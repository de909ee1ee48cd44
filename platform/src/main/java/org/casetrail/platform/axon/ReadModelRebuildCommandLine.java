package org.casetrail.platform.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code java -jar <service>.jar rebuild}: rebuilds the service's read models and exits, 0 when every
 * rebuilt model has been swapped in, 1 when a processor failed, 3 when the processors could not be
 * taken over (a running instance holds them: stop it, or use the ADMIN endpoint). Progress is drawn
 * in place on a terminal and printed as plain lines otherwise.
 */
public class ReadModelRebuildCommandLine implements ApplicationRunner {

    public static final String COMMAND = "rebuild";
    private static final int BAR = 30;

    private final ReadModelRebuild rebuild;
    private final EventProcessingConfiguration processing;
    private final ReadModelRebuildProperties properties;
    private final ConfigurableApplicationContext context;
    private final String service;

    public ReadModelRebuildCommandLine(ReadModelRebuild rebuild, EventProcessingConfiguration processing,
                                       ReadModelRebuildProperties properties, ConfigurableApplicationContext context,
                                       String service) {
        this.rebuild = rebuild;
        this.processing = processing;
        this.properties = properties;
        this.context = context;
        this.service = service;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.getNonOptionArgs().contains(COMMAND)) {
            return;
        }
        // Only the rebuild runs here: the publishers resume when the service itself starts.
        processing.eventProcessors().forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor processor && !processor.supportsReset()) {
                processor.shutDown();
            }
        });
        int code = run(System.out, System.console() != null);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Runs a whole rebuild, drawing its progress on {@code out}, and answers the exit status. */
    public int run(PrintStream out, boolean terminal) {
        List<String> names;
        try {
            names = rebuild.start();
        } catch (RuntimeException e) {
            out.println(service + ": cannot take the event processors over (" + e.getMessage() + ").");
            out.println("Is the service running? Stop it first, or ask it: POST /api/v1/admin/read-models/rebuild (ADMIN).");
            return 3;
        }
        if (names.isEmpty()) {
            out.println(service + ": no read models are built from this service's events; nothing to rebuild.");
            return 0;
        }
        out.println(service + ": rebuilding " + String.join(", ", names));
        long lastLine = 0;
        while (true) {
            Map<String, ReadModelRebuild.Progress> progress = rebuild.progress();
            List<ReadModelRebuild.Progress> ours = names.stream().map(progress::get).toList();
            ReadModelRebuild.Progress slowest = ours.stream()
                    .min(Comparator.comparingLong(ReadModelRebuild.Progress::done)).orElseThrow();
            boolean finished = ours.stream().allMatch(p -> p.state() == ReadModelRebuild.State.LIVE);
            List<String> failed = names.stream().filter(n -> progress.get(n).error()).toList();
            long now = System.nanoTime();
            if (terminal) {
                out.print("\r" + line(slowest, finished) + "   ");
                out.flush();
            } else if (finished || !failed.isEmpty() || now - lastLine >= properties.lineInterval().toNanos()) {
                out.println(line(slowest, finished));
                lastLine = now;
            }
            if (!failed.isEmpty()) {
                if (terminal) {
                    out.println();
                }
                out.println(service + ": rebuild failed in " + failed + "; the service's log says why. The live read models"
                        + " are untouched; the rebuild resumes when the service starts.");
                return 1;
            }
            if (finished) {
                if (terminal) {
                    out.println();
                }
                out.println(service + ": read models rebuilt and swapped in.");
                return 0;
            }
            sleep(terminal ? properties.redrawInterval() : properties.swapCheckInterval());
        }
    }

    /** {@code [#########.....]  6,000/10,000 events  60%  2,150 ev/s  ETA 0:02}. */
    static String line(ReadModelRebuild.Progress p, boolean finished) {
        long total = Math.max(p.total(), 1);
        long done = finished ? p.total() : p.done();
        int filled = (int) (BAR * Math.min(done, total) / total);
        String rate = p.eventsPerSecond() == null ? "-" : String.format(Locale.ROOT, "%,.0f", p.eventsPerSecond());
        String eta = finished ? "done" : p.etaSeconds() == null ? "ETA -" : "ETA " + duration(p.etaSeconds());
        // An empty store is finished at 0/0: 100%, not 0%.
        long percent = finished ? 100 : 100 * Math.min(done, total) / total;
        if (finished) {
            filled = BAR;
        }
        return String.format(Locale.ROOT, "[%s%s] %,d/%,d events %3d%%  %s ev/s  %s", "#".repeat(filled),
                ".".repeat(BAR - filled), done, p.total(), percent, rate, eta);
    }

    private static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package org.casetrail.devstack;

import java.time.Duration;

/**
 * Every tunable of the devstack in one place, so that ports, heaps and timeouts are never
 * scattered through the code. Ports and the data directory can be overridden by environment
 * variables (see {@link Ports#fromEnv} and {@link #DATA_DIR_ENV}).
 */
public final class DevstackDefaults {

    /** Everything binds to loopback only: the devstack is for one developer's machine. */
    public static final String HOST = "127.0.0.1";

    public static final String DATA_DIR_ENV = "CASETRAIL_DATA_DIR";
    public static final String DATA_DIR = "data";
    /** Where the service jars are looked up; defaults to the working directory. */
    public static final String REPO_ROOT_ENV = "CASETRAIL_REPO_ROOT";

    public static final int MONGO_PORT = 27017;
    public static final int KAFKA_PORT = 9092;
    public static final int KAFKA_CONTROLLER_PORT = 9093;
    public static final int GATEWAY_PORT = 8080;
    public static final int CASE_PORT = 8081;
    public static final int DISCLOSURE_PORT = 8082;
    public static final int NOTIFICATION_PORT = 8083;
    /** The mail catcher's SMTP port (notification-service's default spring.mail.port too). */
    public static final int MAIL_PORT = 2525;

    /** Heaps are small on purpose: six JVMs share a 2-core developer machine. */
    public static final String MONGO_HEAP = "-Xmx512m";
    public static final String KAFKA_HEAP = "-Xmx384m";
    public static final String SERVICE_HEAP = "-Xmx384m";
    public static final String MAIL_HEAP = "-Xmx64m";
    /** Axon's phone-home check is pointless offline and slows start-up. */
    public static final String AXON_UPDATE_CHECK_OFF = "-Daxoniq.update-checker.disabled=true";
    public static final String SPRING_PROFILE = "embedded";

    /** Time each service gets to report UP; JVM + Spring + Axon start-up on 2 cores is slow. */
    public static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);
    /** Mongo and Kafka are quick (a few seconds) unless something is wrong. */
    public static final Duration INFRA_READY_TIMEOUT = Duration.ofSeconds(90);
    /** Grace period after SIGTERM before SIGKILL; lets Spring and Kafka shut down cleanly. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);
    public static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    /** Per-attempt timeout of a readiness probe (socket connect, HTTP call, AdminClient). */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    public static final int LOG_TAIL_LINES = 40;

    /**
     * MVStore keeps dead chunks this long before reusing their space (H2's default is 45 s). With a
     * commit per write, 45 s of chunks is hundreds of MB under load. Shorter is safe here: it guards
     * against OS write-back after a power cut (we only promise kill -9 durability), and
     * mongo-java-server never reads old versions for longer than one command (cursors are in memory).
     */
    public static final int MONGO_RETENTION_MS = 2000;
    /**
     * The fill rate below which MVStore's background writer rewrites chunks to compact the file
     * (H2's default is 90 %). With a commit per write most chunks are small and soon part-dead, so at
     * 90 % the background writer rewrote chunks all the time: a quarter of the server's CPU under
     * notification-service's intake (docs/benchmarks-http.md). At 50 % the file may hold up to about
     * as much dead space as live data between the compactions at start (none at shutdown: see MongoMain).
     */
    public static final int MONGO_AUTO_COMPACT_FILL_RATE = 50;
    /** Time bound for shrinking the store file at start (also after a kill -9). */
    public static final int MONGO_COMPACT_MS = 5000;

    public static final String JWT_ISSUER = "casetrail-devstack";
    public static final int JWT_RSA_BITS = 2048;

    /** Logback configuration (a class path resource) used by the launcher and its Mongo/Kafka children. */
    public static final String LOGBACK_CONFIG = "devstack-logback.xml";

    private DevstackDefaults() {
    }
}

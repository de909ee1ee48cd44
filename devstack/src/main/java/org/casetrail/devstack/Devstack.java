package org.casetrail.devstack;

import static org.casetrail.devstack.DevstackDefaults.HOST;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The whole local stack as separate OS processes: the Mongo-wire server, a Kafka broker and the
 * four services. Used by {@code java -jar devstack.jar up} and by the system tests, which can
 * {@link #kill9(Component)} any one component and {@link #start(Component)} it again.
 *
 * <pre>{@code
 * try (Devstack stack = Devstack.builder().dataDir(tmp).repoRoot(root).ports(Ports.randomFree()).build()) {
 *     stack.start();                      // everything, waits until healthy
 *     stack.kill9(Component.KAFKA);
 *     stack.start(Component.KAFKA);       // same data dir, waits until ready
 *     http.get(stack.gatewayUrl() + "/...");
 * }
 * }</pre>
 */
public final class Devstack implements AutoCloseable {

    private final Path dataDir;
    private final Path repoRoot;
    private final Ports ports;
    private final Set<Component> components;
    private final Duration healthTimeout;
    private final String classpath;
    private final PrintStream out;
    /** A MongoDB (or Kafka) run elsewhere, e.g. by Testcontainers: then the devstack does not start its own. */
    private final String externalMongoUri;
    private final String externalKafkaBootstrapServers;

    private final Map<Component, ChildProcess> running = new ConcurrentHashMap<>();
    /** Lets a start() that is waiting on health checks notice that stop() (e.g. Ctrl-C) killed its processes. */
    private final AtomicLong stops = new AtomicLong();
    /** While stopping, services may already be exiting on the terminal's SIGINT: that is no surprise. */
    private volatile boolean stopping;

    private Devstack(Builder b) {
        this.dataDir = b.dataDir.toAbsolutePath().normalize();
        this.repoRoot = b.repoRoot.toAbsolutePath().normalize();
        this.ports = b.ports;
        this.externalMongoUri = b.externalMongoUri;
        this.externalKafkaBootstrapServers = b.externalKafkaBootstrapServers;
        EnumSet<Component> selected = EnumSet.copyOf(b.components);
        if (externalMongoUri != null) {
            selected.remove(Component.MONGO);
        }
        if (externalKafkaBootstrapServers != null) {
            selected.remove(Component.KAFKA);
        }
        this.components = selected;
        this.healthTimeout = b.healthTimeout;
        this.classpath = b.classpath;
        this.out = b.out;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks ports and jars, then starts the configured components that are not already running, in
     * order (Mongo, Kafka, the mail catcher, then the services in parallel) and waits until all are
     * healthy. On failure everything is stopped again.
     *
     * @throws DevstackException with a user-facing message (port in use, jar missing, not healthy in time)
     */
    public Devstack start() {
        Leftovers.stop(dataDir, out);
        // What is still running (a test that crashed only some components) is left as it is.
        Set<Component> toStart = EnumSet.noneOf(Component.class);
        components.stream().filter(c -> !isRunning(c)).forEach(toStart::add);
        preflight(toStart);
        long stopsBefore = stops.get();
        try {
            prepareDataDir();
            for (Component infra : List.of(Component.MONGO, Component.KAFKA, Component.MAIL)) {
                if (toStart.contains(infra)) {
                    out.println("casetrail: starting " + infra.displayName() + " …");
                    launch(infra);
                    awaitReady(infra, Instant.now().plus(DevstackDefaults.INFRA_READY_TIMEOUT));
                }
            }
            List<Component> services = toStart.stream().filter(Component::isService).toList();
            if (!services.isEmpty()) {
                out.println("casetrail: starting " + services.stream().map(Component::displayName)
                        .collect(Collectors.joining(", ")) + " (up to " + healthTimeout.toSeconds() + " s) …");
                services.forEach(this::launch);
                awaitHealthy(healthTimeout);
            }
            return this;
        } catch (RuntimeException e) {
            if (stops.get() != stopsBefore) {
                throw new DevstackException("casetrail: start-up interrupted by stop", DevstackException.RUNTIME_FAILURE, e);
            }
            stop();
            throw e;
        }
    }

    /** (Re)starts one component on the same data dir and ports, and waits until it is ready. */
    public void start(Component component) {
        if (component == Component.MONGO && externalMongoUri != null
                || component == Component.KAFKA && externalKafkaBootstrapServers != null) {
            throw new IllegalStateException(component.displayName() + " is external to this devstack");
        }
        ChildProcess existing = running.get(component);
        if (existing != null && existing.isAlive()) {
            throw new IllegalStateException(component.displayName() + " is already running");
        }
        preflight(EnumSet.of(component));
        prepareDataDir();
        launch(component);
        awaitReady(component, Instant.now().plus(component.isService() ? healthTimeout : DevstackDefaults.INFRA_READY_TIMEOUT));
    }

    /** Waits until every running component answers its readiness probe (services: actuator health UP). */
    public void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (Component c : Component.values()) {
            if (running.containsKey(c)) {
                awaitReady(c, deadline);
            }
        }
    }

    /** SIGKILL one component, like a crash; returns once the OS has reaped it. */
    public void kill9(Component component) {
        ChildProcess child = running.remove(component);
        if (child == null) {
            throw new IllegalStateException(component.displayName() + " is not running");
        }
        child.kill9();
    }

    /** Stops one component gracefully (SIGTERM, SIGKILL after the grace period). */
    public void stop(Component component) {
        ChildProcess child = running.remove(component);
        if (child != null) {
            child.terminate(DevstackDefaults.STOP_GRACE);
        }
    }

    /** Stops everything in reverse dependency order: services, then Kafka, then Mongo. Idempotent. */
    public void stop() {
        stops.incrementAndGet();
        stopping = true;
        try {
            stopAll();
        } finally {
            stopping = false;
        }
    }

    private void stopAll() {
        List<ChildProcess> services = running.values().stream().filter(c -> c.component().isService()).toList();
        if (!services.isEmpty()) {
            out.println("casetrail: stopping services (SIGTERM, up to " + DevstackDefaults.STOP_GRACE.toSeconds() + " s) …");
            // In parallel: each may take the whole grace period.
            List<Thread> stoppers = new ArrayList<>();
            for (ChildProcess service : services) {
                running.remove(service.component());
                Thread stopper = new Thread(() -> service.terminate(DevstackDefaults.STOP_GRACE),
                        "stop-" + service.component().displayName());
                stopper.start();
                stoppers.add(stopper);
            }
            stoppers.forEach(Devstack::join);
        }
        boolean stoppedAny = !services.isEmpty();
        for (Component infra : List.of(Component.MAIL, Component.KAFKA, Component.MONGO)) {
            ChildProcess child = running.remove(infra);
            if (child != null) {
                stoppedAny = true;
                out.println("casetrail: stopping " + infra.displayName() + " …");
                child.terminate(DevstackDefaults.STOP_GRACE);
            }
        }
        if (stoppedAny) {
            out.println("casetrail: stopped");
        }
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning(Component component) {
        ChildProcess child = running.get(component);
        return child != null && child.isAlive();
    }

    /** OS process id of a running component (for tests that want to inspect or signal it themselves). */
    public long pid(Component component) {
        ChildProcess child = running.get(component);
        if (child == null) {
            throw new IllegalStateException(component.displayName() + " is not running");
        }
        return child.pid();
    }

    public String gatewayUrl() {
        return "http://" + HOST + ":" + ports.gateway();
    }

    public String serviceUrl(Component service) {
        return "http://" + HOST + ":" + ports.httpPort(service);
    }

    /** Connection string of the Mongo-wire server (or the external MongoDB), without a database. */
    public String mongoUri() {
        return externalMongoUri != null ? externalMongoUri : "mongodb://" + HOST + ":" + ports.mongo();
    }

    /** Connection string a service is given (its own database; options of an external URI are kept). */
    public String mongoUri(Component service) {
        String database = Objects.requireNonNull(service.database(), service + " has no database");
        String base = mongoUri();
        int options = base.indexOf('?');
        String hosts = options < 0 ? base : base.substring(0, options);
        String query = options < 0 ? "" : base.substring(options);
        if (hosts.endsWith("/")) {
            hosts = hosts.substring(0, hosts.length() - 1);
        }
        return hosts + "/" + database + query;
    }

    public String kafkaBootstrapServers() {
        return externalKafkaBootstrapServers != null ? externalKafkaBootstrapServers : HOST + ":" + ports.kafka();
    }

    public Ports ports() {
        return ports;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where the mail catcher keeps every mail as a .eml file. */
    public Path mailDir() {
        return MailMain.mailDir(dataDir);
    }

    public Path logFile(Component component) {
        return dataDir.resolve("logs").resolve(component.displayName() + ".log");
    }

    public Path serviceJar(Component service) {
        return repoRoot.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
    }

    // ---------------------------------------------------------------------------------------

    private void preflight(Set<Component> toStart) {
        List<String> missing = toStart.stream().filter(Component::isService)
                .map(this::serviceJar).filter(jar -> !Files.isRegularFile(jar))
                .map(jar -> repoRoot.relativize(jar).toString()).toList();
        if (!missing.isEmpty()) {
            throw new DevstackException("casetrail: missing " + String.join(", ", missing)
                    + " — build first: ./mvnw -DskipTests package", DevstackException.PRECONDITION_FAILED);
        }
        PortCheck.requireFree(ports.bindings(toStart));
    }

    private void prepareDataDir() {
        try {
            Files.createDirectories(dataDir.resolve("logs"));
        } catch (java.io.IOException e) {
            throw new DevstackException("casetrail: cannot create " + dataDir + ": " + e.getMessage(),
                    DevstackException.PRECONDITION_FAILED, e);
        }
        JwtKeys.ensure(dataDir);
    }

    private void launch(Component c) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Map<String, String> env = new LinkedHashMap<>();
        String parentPid = Long.toString(ProcessHandle.current().pid());
        switch (c) {
            case MONGO -> command.addAll(List.of(DevstackDefaults.MONGO_HEAP,
                    "-Dlogback.configurationFile=" + DevstackDefaults.LOGBACK_CONFIG,
                    "-cp", classpath, MongoMain.class.getName(),
                    "--data-dir", dataDir.toString(), "--port", Integer.toString(ports.mongo()),
                    "--parent-pid", parentPid));
            case KAFKA -> command.addAll(List.of(DevstackDefaults.KAFKA_HEAP,
                    "-Dlogback.configurationFile=" + DevstackDefaults.LOGBACK_CONFIG,
                    "-cp", classpath, KafkaMain.class.getName(),
                    "--data-dir", dataDir.toString(), "--port", Integer.toString(ports.kafka()),
                    "--controller-port", Integer.toString(ports.kafkaController()),
                    "--parent-pid", parentPid));
            case MAIL -> command.addAll(List.of(DevstackDefaults.MAIL_HEAP,
                    "-Dlogback.configurationFile=" + DevstackDefaults.LOGBACK_CONFIG,
                    "-cp", classpath, MailMain.class.getName(),
                    "--data-dir", dataDir.toString(), "--port", Integer.toString(ports.mail()),
                    "--parent-pid", parentPid));
            default -> {
                command.addAll(List.of(DevstackDefaults.SERVICE_HEAP, DevstackDefaults.AXON_UPDATE_CHECK_OFF,
                        Leftovers.marker(dataDir), "-jar", serviceJar(c).toString()));
                env.putAll(serviceEnvironment(c));
            }
        }
        running.put(c, ChildProcess.start(c, command, env, logFile(c), this::reportUnexpectedExit));
    }

    /** The configuration every service gets, by Spring relaxed binding of environment variables. */
    Map<String, String> serviceEnvironment(Component service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(ports.httpPort(service)));
        env.put("SPRING_PROFILES_ACTIVE", DevstackDefaults.SPRING_PROFILE);
        env.put("SPRING_DATA_MONGODB_URI", mongoUri(service));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("CASETRAIL_SECURITY_JWT_PUBLIC_KEY_LOCATION", "file:" + JwtKeys.publicKey(dataDir));
        env.put("CASETRAIL_SECURITY_JWT_ISSUER", DevstackDefaults.JWT_ISSUER);
        if (service == Component.GATEWAY) {
            env.put("CASETRAIL_GATEWAY_JWT_PRIVATE_KEY_LOCATION", "file:" + JwtKeys.privateKey(dataDir));
            env.put("CASETRAIL_GATEWAY_ROUTES_CASES", serviceUrl(Component.CASE_SERVICE));
            env.put("CASETRAIL_GATEWAY_ROUTES_DISCLOSURES", serviceUrl(Component.DISCLOSURE_SERVICE));
            env.put("CASETRAIL_GATEWAY_ROUTES_NOTIFICATIONS", serviceUrl(Component.NOTIFICATION_SERVICE));
        }
        if (service == Component.NOTIFICATION_SERVICE) {
            env.put("SPRING_MAIL_HOST", HOST);
            env.put("SPRING_MAIL_PORT", Integer.toString(ports.mail()));
            env.put("CASETRAIL_MAIL_LINK_BASE_URL", gatewayUrl());
        }
        return env;
    }

    private void awaitReady(Component c, Instant deadline) {
        ChildProcess child = running.get(c);
        if (child == null) {
            throw new IllegalStateException(c.displayName() + " is not running");
        }
        switch (c) {
            case MONGO -> Readiness.await(child, "reachable", deadline, () -> Readiness.portAccepts(ports.mongo()));
            case KAFKA -> Readiness.await(child, "ready", deadline, () -> Readiness.kafkaServes(kafkaBootstrapServers()));
            case MAIL -> Readiness.await(child, "reachable", deadline, () -> Readiness.portAccepts(ports.mail()));
            default -> Readiness.await(child, "healthy", deadline, () -> Readiness.httpHealthy(ports.httpPort(c)));
        }
    }

    private void reportUnexpectedExit(ChildProcess child) {
        if (stopping) {
            return;
        }
        out.println("casetrail: " + child.component().displayName() + " exited unexpectedly (code "
                + child.exitCode() + ") — see " + child.log());
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The class path of this JVM, made absolute so children started elsewhere can use it. */
    static String currentClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    public static final class Builder {
        private Path dataDir = Path.of(DevstackDefaults.DATA_DIR);
        private Path repoRoot = Path.of("");
        private Ports ports = Ports.defaults();
        private Set<Component> components = EnumSet.allOf(Component.class);
        private Duration healthTimeout = DevstackDefaults.HEALTH_TIMEOUT;
        private String classpath;
        private PrintStream out = System.out;
        private String externalMongoUri;
        private String externalKafkaBootstrapServers;

        private Builder() {
        }

        /** Data dir, repo root and ports from CASETRAIL_* variables, falling back to the defaults. */
        public Builder fromEnvironment(Map<String, String> env) {
            dataDir = Path.of(env.getOrDefault(DevstackDefaults.DATA_DIR_ENV, DevstackDefaults.DATA_DIR));
            repoRoot = Path.of(env.getOrDefault(DevstackDefaults.REPO_ROOT_ENV, ""));
            ports = Ports.fromEnv(env);
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir);
            return this;
        }

        /** Root of the casetrail checkout; service jars are {@code <root>/<module>/target/<module>.jar}. */
        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = Objects.requireNonNull(repoRoot);
            return this;
        }

        public Builder ports(Ports ports) {
            this.ports = Objects.requireNonNull(ports);
            return this;
        }

        /** Which components {@link Devstack#start()} starts; all by default. */
        public Builder components(Component first, Component... more) {
            this.components = EnumSet.of(first, more);
            return this;
        }

        public Builder components(Set<Component> components) {
            this.components = EnumSet.copyOf(components);
            return this;
        }

        public Builder healthTimeout(Duration timeout) {
            this.healthTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * Class path for the Mongo and Kafka child JVMs; defaults to this JVM's own (which has the
         * devstack jar and its dependencies, both under {@code java -jar devstack.jar} and in a test).
         */
        public Builder classpath(String classpath) {
            this.classpath = Objects.requireNonNull(classpath);
            return this;
        }

        /**
         * Use a MongoDB that runs elsewhere (e.g. a Testcontainers replica set) instead of starting the
         * Mongo-wire server: {@code mongodb://host:port[/][?options]}, without a database (each service
         * gets its own appended).
         */
        public Builder externalMongo(String uri) {
            String value = Objects.requireNonNull(uri).trim();
            String hosts = value.contains("?") ? value.substring(0, value.indexOf('?')) : value;
            if (!value.startsWith("mongodb://") && !value.startsWith("mongodb+srv://")
                    || hosts.substring(hosts.indexOf("//") + 2).contains("/") && !hosts.endsWith("/")) {
                throw new IllegalArgumentException("expected mongodb://host:port[?options] without a database: " + uri);
            }
            this.externalMongoUri = value;
            return this;
        }

        /** Use a Kafka that runs elsewhere ({@code host:port[,host:port]}) instead of starting the broker. */
        public Builder externalKafka(String bootstrapServers) {
            String value = Objects.requireNonNull(bootstrapServers).trim();
            if (value.isEmpty() || value.contains("://")) {
                throw new IllegalArgumentException("expected host:port[,host:port]: " + bootstrapServers);
            }
            this.externalKafkaBootstrapServers = value;
            return this;
        }

        /** Where progress messages go; System.out by default. */
        public Builder out(PrintStream out) {
            this.out = Objects.requireNonNull(out);
            return this;
        }

        public Devstack build() {
            if (classpath == null) {
                classpath = currentClasspath();
            }
            return new Devstack(this);
        }
    }
}

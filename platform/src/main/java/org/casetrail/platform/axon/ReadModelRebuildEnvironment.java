package org.casetrail.platform.axon;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Arrays;
import java.util.Map;

/**
 * When a service's jar is started as {@code java -jar <service>.jar rebuild}, it starts as a
 * command, not as the service: on a free port of the loopback, without consuming Kafka, without
 * creating topics, without running the service's scheduled jobs ({@link RebuildCommandWithoutScheduledJobs}),
 * and quiet, so that the progress bar is readable.
 */
public class ReadModelRebuildEnvironment implements EnvironmentPostProcessor {

    /** True when the jar runs as the rebuild command. */
    static final String COMMAND_PROPERTY = "casetrail.rebuild.command";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String args = environment.getProperty(CommandLinePropertySource.DEFAULT_NON_OPTION_ARGS_PROPERTY_NAME, "");
        if (Arrays.asList(args.split(",")).contains(ReadModelRebuildCommandLine.COMMAND)) {
            environment.getPropertySources().addFirst(new MapPropertySource("casetrail-rebuild-command", Map.of(
                    COMMAND_PROPERTY, "true",
                    "server.port", "0",
                    "server.address", "127.0.0.1",
                    "spring.kafka.listener.auto-startup", "false",
                    "spring.kafka.admin.auto-create", "false",
                    "spring.main.banner-mode", "off",
                    "logging.level.root", "WARN")));
        }
    }
}

package org.casetrail.platform.axon;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildCommandWithoutScheduledJobsTest {

    @Configuration
    @EnableScheduling
    static class AServiceWithAJob {
        @Bean
        Job job() {
            return new Job();
        }
    }

    static class Job {
        @Scheduled(fixedDelayString = "PT1H")
        void run() {
            // what a mail dispatcher or a deadline watch would do
        }
    }

    @Configuration
    static class RebuildCommand {
        @Bean
        static RebuildCommandWithoutScheduledJobs rebuildCommandWithoutScheduledJobs() {
            return new RebuildCommandWithoutScheduledJobs();
        }
    }

    @Test
    void theServiceSchedulesItsJobs() {
        new ApplicationContextRunner().withUserConfiguration(AServiceWithAJob.class).run(context ->
                assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values())
                        .flatExtracting(ScheduledTaskHolder::getScheduledTasks).hasSize(1));
    }

    @Test
    void theRebuildCommandSchedulesNoJobOfTheService() {
        new ApplicationContextRunner().withUserConfiguration(AServiceWithAJob.class, RebuildCommand.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(ScheduledTaskHolder.class)).isEmpty();
        });
    }
}

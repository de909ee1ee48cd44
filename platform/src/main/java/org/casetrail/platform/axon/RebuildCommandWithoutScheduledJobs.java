package org.casetrail.platform.axon;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

/**
 * In {@code java -jar <service>.jar rebuild}, no {@code @Scheduled} job runs. The command shares the
 * service's database with the running service, whose own jobs already run: a second mail dispatcher,
 * escalation watch, daily digest or deadline watch in the command could send an e-mail or raise an
 * escalation twice. Removing Spring's scheduled-annotation processor turns off every job of every
 * service at once, including jobs added later, instead of naming each job's property here.
 */
class RebuildCommandWithoutScheduledJobs implements BeanDefinitionRegistryPostProcessor {

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (registry.containsBeanDefinition(TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME)) {
            registry.removeBeanDefinition(TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME);
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // Nothing to change once the definitions are final.
    }
}

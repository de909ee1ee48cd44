package org.casetrail.gateway.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.casetrail.gateway.directory.DirectoryService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CurrentDirectoryConfiguration {

    /** Right behind authentication, ahead of the per-user rate limit and of routing to the services. */
    @Bean
    FilterRegistrationBean<CurrentDirectoryFilter> currentDirectoryFilter(DirectoryService directory, ObjectMapper mapper) {
        FilterRegistrationBean<CurrentDirectoryFilter> registration =
                new FilterRegistrationBean<>(new CurrentDirectoryFilter(directory, mapper));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}

package org.casetrail.gateway.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The gateway's own OpenAPI document; the services' documents are routed through
 * {@code /v3/api-docs/<service>} and listed in the Swagger UI's dropdown (application.yml).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info().title("casetrail gateway")
                        .description("Authentication and directory. The services' APIs are in the dropdown.")
                        .version("v1"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }

    /**
     * The platform's security headers forbid every script and style ({@code default-src 'none'}),
     * right for an API but fatal for the Swagger UI pages. Setting a same-origin policy first on
     * those pages only makes Spring Security's header writer keep it (it writes only when absent).
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> swaggerUiContentSecurityPolicy() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("Content-Security-Policy", SWAGGER_UI_POLICY);
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/swagger-ui.html", "/swagger-ui/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }
}

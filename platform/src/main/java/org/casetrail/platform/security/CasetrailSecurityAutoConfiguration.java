package org.casetrail.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.casetrail.platform.web.Problems;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.core.env.Environment;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * Every service is a resource server: a request is not trusted because it came through the
 * gateway. The decoder is built here rather than left to Boot so that issuer and audience are
 * checked with either key source (stack.md, trap 7).
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@EnableConfigurationProperties({JwtProperties.class, ActuatorProperties.class})
public class CasetrailSecurityAutoConfiguration {

    private static final String[] ALWAYS_OPEN = {
            "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(JwtProperties properties) {
        if (properties.issuer() == null || properties.audience() == null) {
            throw new IllegalStateException("casetrail.security.jwt.issuer and .audience must be set");
        }
        NimbusJwtDecoder decoder;
        if (properties.issuerUri() != null && !properties.issuerUri().isBlank()) {
            decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(properties.issuerUri());
        } else if (properties.publicKeyLocation() != null) {
            decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(properties))
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        } else {
            throw new IllegalStateException(
                    "set casetrail.security.jwt.issuer-uri (OIDC) or casetrail.security.jwt.public-key-location");
        }
        decoder.setClaimSetConverter(new ClaimMapping(properties.claims()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), audience(properties.audience()),
                namesItsUser()));
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain casetrailSecurityFilterChain(HttpSecurity http, JwtProperties properties,
                                                     ActuatorProperties actuator, Environment environment,
                                                     ObjectMapper objectMapper) throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(CasetrailSecurityAutoConfiguration::authorities);
        converter.setPrincipalClaimName("sub");
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> { })
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(ALWAYS_OPEN).permitAll()
                        .requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll()
                        .requestMatchers(onManagementPort(actuator, environment)).permitAll()
                        // metrics and the rest of the actuator: not for anyone with a token
                        .requestMatchers("/actuator/**").hasRole(actuator.role())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((req, res, ex) ->
                                Problems.write(res, objectMapper, HttpStatus.UNAUTHORIZED, "A valid bearer token is required"))
                        .accessDeniedHandler((req, res, ex) ->
                                Problems.write(res, objectMapper, HttpStatus.FORBIDDEN, "Your role does not allow this")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) ->
                                Problems.write(res, objectMapper, HttpStatus.UNAUTHORIZED, "A valid bearer token is required"))
                        .accessDeniedHandler((req, res, ex) ->
                                Problems.write(res, objectMapper, HttpStatus.FORBIDDEN, "Your role does not allow this")));
        return http.build();
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(CurrentUser.CLAIM_ROLES);
        return roles == null ? List.of()
                : roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }

    /**
     * A request that reached the separate management port ({@code management.server.port}), whose
     * address the operator keeps internal; never matches when the actuator shares the application port.
     */
    private static RequestMatcher onManagementPort(ActuatorProperties actuator, Environment environment) {
        return request -> {
            if (!actuator.openOnManagementPort()) {
                return false;
            }
            Integer managementPort = environment.getProperty("local.management.port", Integer.class);
            Integer serverPort = environment.getProperty("local.server.port", Integer.class);
            return managementPort != null && managementPort > 0 && !managementPort.equals(serverPort)
                    && request.getLocalPort() == managementPort;
        };
    }

    /** Without a user id and a school no service can scope anything: such a token is refused (401). */
    private static OAuth2TokenValidator<Jwt> namesItsUser() {
        OAuth2Error error = new OAuth2Error("invalid_token", "the token names no casetrail user or school", null);
        return jwt -> jwt.getSubject() != null && !jwt.getSubject().isBlank()
                && jwt.getClaimAsString(CurrentUser.CLAIM_SCHOOL) != null
                && !jwt.getClaimAsString(CurrentUser.CLAIM_SCHOOL).isBlank()
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
    }

    private static OAuth2TokenValidator<Jwt> audience(String expected) {
        OAuth2Error error = new OAuth2Error("invalid_token", "the token is not meant for casetrail", null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(expected)
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
    }

    private static RSAPublicKey readPublicKey(JwtProperties properties) {
        try (InputStream in = properties.publicKeyLocation().getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the JWT public key at " + properties.publicKeyLocation(), e);
        }
    }
}

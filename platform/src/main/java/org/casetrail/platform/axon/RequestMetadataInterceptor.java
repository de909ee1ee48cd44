package org.casetrail.platform.axon;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.casetrail.contracts.Role;
import org.casetrail.platform.security.ActingRoleInterceptor;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.web.CorrelationIdFilter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps a command dispatched while serving an HTTP request with who sent it, in which role,
 * for which school, and the request's correlation and request ids. Metadata already present
 * (a consumer dispatching on behalf of a Kafka event) is left as it is.
 */
public class RequestMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(requestMetadata(command.getMetaData()));
    }

    private static Map<String, Object> requestMetadata(MetaData existing) {
        Map<String, Object> data = new HashMap<>();
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return data;
        }
        HttpServletRequest request = attributes.getRequest();
        putIfAbsent(data, existing, AuditMetadata.CORRELATION_ID, request.getAttribute(CorrelationIdFilter.CORRELATION_ATTRIBUTE));
        putIfAbsent(data, existing, AuditMetadata.REQUEST_ID, request.getAttribute(CorrelationIdFilter.REQUEST_ATTRIBUTE));
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            CurrentUser user = CurrentUser.of(token.getToken());
            putIfAbsent(data, existing, AuditMetadata.ACTOR_ID, user.userId());
            putIfAbsent(data, existing, AuditMetadata.SCHOOL_ID, user.schoolId());
            Object acting = request.getAttribute(ActingRoleInterceptor.ACTING_ROLE_ATTRIBUTE);
            putIfAbsent(data, existing, AuditMetadata.ACTOR_ROLE, acting instanceof Role role ? role.name() : null);
        }
        return data;
    }

    private static void putIfAbsent(Map<String, Object> data, MetaData existing, String key, Object value) {
        if (value != null && !existing.containsKey(key)) {
            data.put(key, value.toString());
        }
    }
}

package org.casetrail.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casetrail.contracts.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Arrays;
import java.util.Optional;

/** Enforces {@link ActsAs} and remembers the acting role for the audit metadata of commands. */
public class ActingRoleInterceptor implements HandlerInterceptor {

    public static final String ACTING_ROLE_ATTRIBUTE = ActingRoleInterceptor.class.getName() + ".role";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        ActsAs actsAs = method.getMethodAnnotation(ActsAs.class);
        if (actsAs == null) {
            return true;
        }
        CurrentUser user = currentUser().orElseThrow(() -> new AccessDeniedException("not authenticated"));
        Role acting = Arrays.stream(actsAs.value()).filter(user::hasRole).findFirst()
                .orElseThrow(() -> new AccessDeniedException("requires one of the roles " + Arrays.toString(actsAs.value())));
        request.setAttribute(ACTING_ROLE_ATTRIBUTE, acting);
        return true;
    }

    static Optional<CurrentUser> currentUser() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return Optional.of(CurrentUser.of(token.getToken()));
        }
        return Optional.empty();
    }
}

package org.casetrail.gateway.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casetrail.gateway.directory.DirectoryService;
import org.casetrail.gateway.directory.DirectoryUser;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * A signed token is not enough: its holder must still be an active user of the directory, in the
 * school and with the roles the token claims. So deactivating someone, or taking a role away, takes
 * effect on their next request, not when their token expires.
 */
class CurrentDirectoryFilter extends OncePerRequestFilter {

    private final DirectoryService directory;
    private final ObjectMapper mapper;

    CurrentDirectoryFilter(DirectoryService directory, ObjectMapper mapper) {
        this.directory = directory;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            CurrentUser caller = CurrentUser.of(token.getToken());
            Optional<DirectoryUser> user = directory.activeUser(caller.userId());
            if (user.isEmpty() || !user.get().schoolId().equals(caller.schoolId())
                    || !user.get().roles().equals(caller.roles())) {
                SecurityContextHolder.clearContext();
                Problems.write(response, mapper, HttpStatus.UNAUTHORIZED,
                        "This token no longer matches your account; sign in again");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

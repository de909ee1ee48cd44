package org.casetrail.platform.security;

import org.casetrail.contracts.Role;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The authenticated caller, read from the validated JWT. Every query is scoped by {@code schoolId}. */
public record CurrentUser(String userId, String username, String displayName, String schoolId, Set<Role> roles) {

    public static final String CLAIM_SCHOOL = "school";
    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_USERNAME = "preferred_username";
    public static final String CLAIM_NAME = "name";

    public static CurrentUser of(Jwt jwt) {
        List<String> roleNames = jwt.getClaimAsStringList(CLAIM_ROLES);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (roleNames != null) {
            roleNames.stream().filter(CurrentUser::isKnownRole).map(Role::valueOf).forEach(roles::add);
        }
        return new CurrentUser(jwt.getSubject(), jwt.getClaimAsString(CLAIM_USERNAME),
                jwt.getClaimAsString(CLAIM_NAME), jwt.getClaimAsString(CLAIM_SCHOOL), Set.copyOf(roles));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Collection<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    private static boolean isKnownRole(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}

package org.casetrail.cases.lifecycle.api;

import org.casetrail.contracts.Role;
import org.casetrail.contracts.cases.CaseCategory;

import java.util.Collection;
import java.util.Set;

/**
 * Who may see a case at all (domain.md, roles and conflict-of-interest rules); the one rule shared by
 * the aggregate (commands) and the read side (queries). To anyone else the case does not exist.
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    /**
     * @param named the people the case itself names: its investigator, hearing decision maker and appeal decider
     */
    public static boolean maySee(String actorId, Set<Role> roles, CaseCategory category, boolean safeguarding,
                                 String subjectUserId, Collection<String> named) {
        if (actorId == null || actorId.equals(subjectUserId)) {
            return false; // the subject never sees it, whatever roles they hold
        }
        Set<Role> held = roles == null ? Set.of() : roles;
        return held.contains(Role.PRINCIPAL)
                || (held.contains(Role.DSL) && safeguarding)
                // HR runs conduct cases and offers support on abuse of staff (api.md, /support)
                || (held.contains(Role.HR) && (category == CaseCategory.STAFF_CONDUCT
                || category == CaseCategory.ABUSE_OF_STAFF))
                || named.contains(actorId);
    }
}

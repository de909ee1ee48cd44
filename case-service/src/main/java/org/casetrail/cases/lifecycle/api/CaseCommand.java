package org.casetrail.cases.lifecycle.api;

import org.casetrail.contracts.Role;

import java.util.Set;

/**
 * What every command on an existing case carries: which case, the caller's school and who they are
 * with the roles they hold. The aggregate checks them itself (same school, may this person work on
 * this case), so no entry point can bypass the per-case rules.
 */
public interface CaseCommand {

    String caseId();

    String schoolId();

    String actorId();

    Set<Role> actorRoles();
}

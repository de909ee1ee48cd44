package org.casetrail.platform.security;

import org.casetrail.contracts.Role;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles an endpoint may be used in. The caller must hold one of them (else 403), and the
 * first one they hold is recorded as the role they acted in on every event the request causes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ActsAs {

    Role[] value();
}

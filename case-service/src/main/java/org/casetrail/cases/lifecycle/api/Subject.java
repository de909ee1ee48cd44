package org.casetrail.cases.lifecycle.api;

/**
 * The person a concern is about. {@code userId} is the directory id when the subject is staff;
 * it is what keeps the subject from ever seeing the case (domain.md, conflict-of-interest rules).
 */
public record Subject(SubjectType type, String userId, String name) {
}

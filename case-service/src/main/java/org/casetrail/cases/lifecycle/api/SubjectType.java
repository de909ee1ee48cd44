package org.casetrail.cases.lifecycle.api;

/** Who a concern is about (api.md). */
public enum SubjectType {
    STAFF, STUDENT, PARENT, UNKNOWN
}

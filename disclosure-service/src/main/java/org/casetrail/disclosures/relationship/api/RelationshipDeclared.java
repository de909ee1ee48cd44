package org.casetrail.disclosures.relationship.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A relationship was disclosed; version 1. The decision follows as its own event. */
@Revision("1")
public record RelationshipDeclared(
        String disclosureId,
        String schoolId,
        String declarerId,
        int version,
        RelationshipDetails details,
        Instant declaredAt) {
}

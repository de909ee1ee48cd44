package org.casetrail.gateway.directory;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A school: the boundary of every query in casetrail (a user sees only their own school). */
@Document("schools")
public record School(@Id String schoolId, String name) {
}

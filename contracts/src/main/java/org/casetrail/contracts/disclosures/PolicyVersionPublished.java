package org.casetrail.contracts.disclosures;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;
import java.time.LocalDate;

/** An ADMIN published a version of the school's social media policy; every staff member must acknowledge it. */
@IntegrationEventType(value = "PolicyVersionPublished", version = 1)
public record PolicyVersionPublished(
        String version,
        String title,
        LocalDate effectiveFrom,
        Instant publishedAt) implements IntegrationEvent {
}

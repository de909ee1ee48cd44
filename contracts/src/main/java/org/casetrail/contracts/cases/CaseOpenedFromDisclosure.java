package org.casetrail.contracts.cases;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * case-service opened a STAFF_CONDUCT case from a flagged disclosure (domain.md, "Disclosures":
 * linked both ways). disclosure-service records the case on the disclosure. Carries ids only.
 *
 * @param version       the disclosure's version that was flagged
 * @param clause        the policy clause concerned, {@code P8} or {@code P10}
 * @param subjectUserId the declarer, the case's subject; consumers use it only to keep them out of the loop
 */
@IntegrationEventType(value = "CaseOpenedFromDisclosure", version = 1)
public record CaseOpenedFromDisclosure(
        String caseId,
        String reference,
        String disclosureId,
        int version,
        String clause,
        String subjectUserId,
        Instant openedAt) implements IntegrationEvent {

    /**
     * The id of the case opened for a flagged version of a disclosure: derived, never allocated, so
     * that a redelivered flag meets the case it already opened. Stable: changing it re-opens cases.
     */
    public static String caseIdFor(String disclosureId, int version) {
        return UUID.nameUUIDFromBytes(("casetrail:disclosure-case:" + disclosureId + ":" + version)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}

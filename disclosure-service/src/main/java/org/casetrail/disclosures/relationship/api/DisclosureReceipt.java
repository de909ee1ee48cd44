package org.casetrail.disclosures.relationship.api;

import org.casetrail.contracts.disclosures.DisclosureDecision;

/** What the declarer gets back once a version is stored: its number and what the rules decided. */
public record DisclosureReceipt(String disclosureId, int version, DisclosureDecision decision) {
}

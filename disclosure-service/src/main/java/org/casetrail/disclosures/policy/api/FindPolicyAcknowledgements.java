package org.casetrail.disclosures.policy.api;

/** The Principal's report on one version: who has and who has not acknowledged it (api.md). */
public record FindPolicyAcknowledgements(String schoolId, String version) {
}
